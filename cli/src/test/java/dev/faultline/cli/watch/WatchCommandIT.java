package dev.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.replay.RecordedExperiment;
import dev.faultline.cli.replay.ServicePublisher;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code faultline watch} against the real devstack, whose Kafka listener needs SASL and whose ACLs let the auditor
 * read every Faultline topic: as the auditor it follows a recorded experiment to its verdict; with no client settings,
 * or as a principal that may read no Faultline topic, it says what to fix instead of waiting out its timeout.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchCommandIT {

    private final DevStack stack;
    private final RecordedExperiment experiment = new RecordedExperiment(
            "watch-" + UUID.randomUUID().toString().substring(0, 8), ClearanceKeyPair.generate("safety-watch"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    WatchCommandIT(DevStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void record() throws Exception {
        try (ServicePublisher services = new ServicePublisher(stack)) {
            services.publish(experiment.events(UnaryOperator.identity()));
        }
    }

    @Test
    void shouldFollowAnExperimentToItsVerdictAsTheAuditor() {
        int exit = watch("--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.AUDITOR).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("watching " + experiment.experimentId)
                .contains("verdict").contains(experiment.verdict.outcome().name());
    }

    @Test
    void shouldSayToPassTheClientSettingsWhenKafkaNeedsAuthentication() {
        long started = System.nanoTime();
        int exit = watch();

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("faultline watch: Kafka at " + stack.kafkaBootstrapServers())
                .contains("did not let this client list its topics within 15 s")
                .contains("--kafka-config").contains("faultline-auditor.properties");
        assertThat((System.nanoTime() - started) / 1e9).as("not the watch's own 60 s timeout").isLessThan(45);
    }

    @Test
    void shouldSayWhenThePrincipalMayReadNoFaultlineTopic() {
        int exit = watch("--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.DEMO_SHOP).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no faultline.* topic at " + stack.kafkaBootstrapServers()
                + " is visible to this client").contains("faultline-auditor.properties");
    }

    private int watch(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("watch", experiment.experimentId, "--timeout", "60",
                "--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl()));
        all.addAll(List.of(args));
        return FaultlineCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }
}
