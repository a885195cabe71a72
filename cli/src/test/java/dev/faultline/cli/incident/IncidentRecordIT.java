package dev.faultline.cli.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code faultline incident record} against the real devstack: published as an incident tool would, with the
 * signed-in user (the token's subject) as the author, and a bad value publishes nothing.
 */
@ExtendWith(DevStackExtension.class)
class IncidentRecordIT {

    private final DevStack stack;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    IncidentRecordIT(DevStack stack) {
        this.stack = stack;
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl(),
                "--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.TOOL).toString(), "--token", stack.issuer().mint("dora", List.of("operator"), Duration.ofMinutes(5))));
        return FaultlineCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldRecordAnIncidentByTheSignedInUserAndRefuseAnUnknownFault() {
        String id = "INC-" + run;
        assertThat(cli("incident", "record", "--id", id, "--title", "checkout timeouts", "--service", "storefront",
                "--fault", "network-latency", "--severity", "high", "--summary", "pricing GC pauses"))
                .as(err.toString()).isZero();
        IncidentRecorded incident = new CliTopic<>(Topics.INCIDENTS, IncidentRecorded.class,
                KafkaEndpoint.of(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(),
                        stack.kafkaClientConfig(KafkaPrincipal.AUDITOR).toString())).current().get(id);
        assertThat(incident.getFaultTypes()).containsExactly(FaultType.NETWORK_LATENCY);
        assertThat(incident.getServices()).containsExactly("storefront");
        assertThat(incident.getHeader().getActor().getId()).as("the token's subject").isEqualTo("dora");

        assertThat(cli("incident", "record", "--id", id + "-b", "--title", "t", "--service", "s", "--fault", "slow"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--fault 'slow' is not one of [network-latency,");
        assertThat(cli("incident", "record", "--id", id + "-c", "--title", "t", "--service", "s", "--fault",
                "network-latency", "--by", "mallory")).as("nobody names the author").isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--by', 'mallory'");
    }
}
