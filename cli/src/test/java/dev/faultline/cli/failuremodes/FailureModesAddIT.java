package dev.faultline.cli.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline failure-modes add|withdraw} and {@code faultline incident record} against the real devstack:
 * published with who did it, the latest template wins, a withdrawn one is marked, and bad input publishes nothing.
 */
@ExtendWith(DevStackExtension.class)
class FailureModesAddIT {

    private final DevStack stack;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    FailureModesAddIT(DevStack stack) {
        this.stack = stack;
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl(),
                "--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.ADMIN).toString()));
        return FaultlineCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private Path template(String name, String threshold) throws Exception {
        return Files.writeString(dir.resolve(name), """
                failure-modes:
                  worker-lag-%s:
                    service-type: queue-worker
                    fault: network-latency
                    risk: low
                    description: the broker answers latencyMillis slower
                    parameters: {latencyMillis: 500}
                    title: When ${dependency} is slow, ${service} keeps up
                    probes: {lag: {kind: metric, parameters: {metric: worker_lag}}}
                    predictions:
                      bounded: {probe: lag, statistic: value-max, comparator: '<', threshold: '%s', unit: count,
                                description: the lag stays bounded}
                """.formatted(run, threshold), StandardCharsets.UTF_8);
    }

    private Map<String, FailureModeDeclared> topic() {
        return new CliTopic<>(Topics.FAILURE_MODES, FailureModeDeclared.class, adminEndpoint()).current();
    }

    @Test
    void shouldPublishTemplatesWithWhoAddedThemAndWithdrawThem() throws Exception {
        String id = "worker-lag-" + run;
        assertThat(cli("failure-modes", "add", template("a.yaml", "100").toString(), "--by", "alice",
                "--incident", "INC-" + run)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added [" + id + "]");
        assertThat(cli("failure-modes", "add", template("b.yaml", "latencyMillis / 5").toString(), "--by", "bob"))
                .as(err.toString()).isZero();

        FailureModeDeclared latest = topic().get(id);
        assertThat(latest.getPredictions().get(0).getThreshold()).as("the latest wins").isEqualTo("latencyMillis / 5");
        assertThat(latest.getHeader().getActor().getId()).isEqualTo("bob");
        assertThat(latest.getSource()).endsWith("b.yaml");

        assertThat(cli("failure-modes", "withdraw", id, "--by", "carol")).as(err.toString()).isZero();
        assertThat(topic().get(id).getRemoved()).isTrue();
        assertThat(cli("failure-modes", "withdraw", id)).isEqualTo(2);
        assertThat(err.toString()).contains(id + ": no template of that id was added; nothing published");
    }

    @Test
    void shouldPublishNothingOfAFileWithAnError() throws Exception {
        Path bad = template("bad.yaml", "lag + 1");
        assertThat(cli("failure-modes", "add", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("threshold: unknown variable [lag]", "nothing published");
        assertThat(topic()).doesNotContainKey("worker-lag-" + run);
    }

    @Test
    void shouldRecordAnIncidentAsAnIncidentToolWouldAndRefuseAnUnknownFault() {
        String id = "INC-" + run;
        assertThat(cli("incident", "record", "--id", id, "--title", "checkout timeouts", "--service", "storefront",
                "--fault", "network-latency", "--severity", "high", "--summary", "pricing GC pauses", "--by", "dora"))
                .as(err.toString()).isZero();
        IncidentRecorded incident = new CliTopic<>(Topics.INCIDENTS, IncidentRecorded.class, adminEndpoint())
                .current().get(id);
        assertThat(incident.getFaultTypes()).containsExactly(FaultType.NETWORK_LATENCY);
        assertThat(incident.getServices()).containsExactly("storefront");
        assertThat(incident.getHeader().getActor().getId()).isEqualTo("dora");

        assertThat(cli("incident", "record", "--id", id + "-b", "--title", "t", "--service", "s", "--fault", "slow"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--fault 'slow' is not one of [network-latency,");
    }

    private KafkaEndpoint adminEndpoint() {
        return KafkaEndpoint.of(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(),
                stack.kafkaClientConfig(KafkaPrincipal.ADMIN).toString());
    }
}
