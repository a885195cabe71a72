package dev.faultline.cli.declared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.stack.RepoLayout;
import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.TemplateProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files in deploy/ that describe the second and third systems under test (shipping, fulfilment) are what
 * {@code faultline targets apply} and {@code faultline failure-modes add} accept, and draft what their end-to-end
 * experiments judge on.
 */
class DeployFilesTest {

    private final Path root = RepoLayout.locate().root();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... tokens) {
        return FaultlineCli.run(List.of(tokens), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldAcceptTheShippingTargetsFile() {
        int code = run("targets", "apply", root.resolve("deploy/targets/shipping.yaml").toString(), "--dry-run",
                "--set", "shipping-url=http://127.0.0.1:18081", "--set", "logs=/tmp/logs");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 targets valid");
    }

    @Test
    void shouldAcceptTheShippingFailureModes() {
        int code = run("failure-modes", "add", root.resolve("deploy/failure-modes/shipping.yaml").toString(), "--dry-run");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 templates valid");
    }

    @Test
    void shouldAcceptTheFulfilmentFiles() {
        assertThat(run("targets", "apply", root.resolve("deploy/targets/fulfilment.yaml").toString(), "--dry-run",
                "--set", "fulfilment-url=http://127.0.0.1:18082", "--set", "logs=/tmp/logs"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run("failure-modes", "add", root.resolve("deploy/failure-modes/fulfilment.yaml").toString(), "--dry-run"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 targets valid", "1 templates valid");
    }

    @Test
    void shouldJudgeMalformedRecordsOnFulfilmentsOutcomesLagAndLog() throws Exception {
        Path file = root.resolve("deploy/failure-modes/fulfilment.yaml");
        FailureModeDeclared template = FailureModesFile.read(Files.readString(file), file.toString(), "test", null,
                Clock.systemUTC()).get(0);

        assertThat(template.getFaultType()).isEqualTo(FaultType.MALFORMED_RECORD);
        assertThat(template.getServiceType()).isEqualTo("kafka-orders-consumer");
        assertThat(template.getParameters()).containsKeys("ratePerSecond", "kinds", "sample", "keyField");
        assertThat(template.getProbes()).filteredOn(p -> p.getKind() == ProbeKind.HTTP).singleElement()
                .satisfies(p -> assertThat(p.getSubject()).as("good orders through the storefront").isEqualTo("storefront"));
        assertThat(template.getPredictions()).extracting(p -> p.getProbeId() + ":" + p.getPredictionId() + ":" + p.getThreshold())
                .contains("dead-letters:bad-records-dead-lettered:ratePerSecond * 0.8", "processed:good-orders-processed:0",
                        "lag:consumer-lag-bounded:20");
        assertThat(template.getGuardrails()).extracting(g -> g.getProbeId()).containsExactly("lag");
    }

    @Test
    void shouldJudgeAnUnreachableCarrierOnShippingsMetricAndLog() throws Exception {
        Path file = root.resolve("deploy/failure-modes/shipping.yaml");
        List<FailureModeDeclared> templates = FailureModesFile.read(Files.readString(file), file.toString(), "test", null,
                Clock.systemUTC());

        FailureModeDeclared unreachable = templates.stream()
                .filter(t -> t.getFaultType() == FaultType.NETWORK_BLACKHOLE).findFirst().orElseThrow();
        assertThat(templates).allSatisfy(t -> assertThat(t.getServiceType()).isEqualTo("http-quotes"));
        assertThat(unreachable.getProbes()).extracting(TemplateProbe::getKind)
                .contains(ProbeKind.HTTP, ProbeKind.METRIC, ProbeKind.LOG);
        assertThat(unreachable.getPredictions()).extracting(p -> p.getProbeId() + ":" + p.getPredictionId())
                .contains("fallback-quotes:fallback-quotes-counted", "fallback-warnings:fallbacks-logged",
                        "errors:no-errors-logged");
        assertThat(unreachable.getGuardrails()).isNotEmpty();
    }
}
