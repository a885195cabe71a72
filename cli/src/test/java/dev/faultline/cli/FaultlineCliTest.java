package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: dispatch, generated help, usage errors (exit 2) and failures (exit 1). */
class FaultlineCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... tokens) {
        return FaultlineCli.run(List.of(tokens), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListEveryCommandInTheUsage() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("demo", "stack", "login", "propose", "review", "approve", "status", "halt", "report", "watch",
                "targets", "failure-modes", "incident", "calendar",
                "FAULTLINE_HYPOTHESIS_URL", "Exit codes: 0 done, 1 failed");
    }

    @Test
    void shouldPrintTheUsageAndExitWithTwoWithoutACommand() {
        assertThat(run()).isEqualTo(2);
        assertThat(out()).startsWith("Usage: faultline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "stack", "login", "propose", "review", "approve", "status", "halt", "report", "watch",
        "targets", "failure-modes", "incident", "calendar"})
    void shouldGenerateHelpForEveryCommand(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out()).startsWith("Usage: faultline " + command).contains("-h, --help");
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldDescribeTargetsApplyAndRefuseTargetsWithoutWhatToDo() {
        assertThat(run("targets", "apply", "--help")).isZero();
        assertThat(out()).startsWith("Usage: faultline targets apply").contains("--dry-run", "--set", "--kafka");
        assertThat(run("targets")).isEqualTo(2);
        assertThat(err()).contains("Usage: faultline targets", "apply");
    }

    @Test
    void shouldDescribeFailureModesAddAndRefuseABadFileWithEveryProblemLocated(@org.junit.jupiter.api.io.TempDir
                                                                                java.nio.file.Path dir) throws Exception {
        assertThat(run("failure-modes", "add", "--help")).isZero();
        assertThat(out()).startsWith("Usage: faultline failure-modes add").contains("--dry-run", "--incident", "--kafka");
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), """
                failure-modes:
                  slow-db:
                    service-type: http-api
                    fault: network-latency
                    risk: extreme
                    description: d
                    title: When ${dependency} is slow
                    probes: {reads: {endpoint: read}}
                    predictions: {fast: {probe: reads, statistic: p99-latency, comparator: '<', threshold: limit, unit: milliseconds, description: d}}
                """);

        assertThat(run("failure-modes", "add", bad.toString(), "--kafka", "127.0.0.1:1")).as("no broker needed to refuse")
                .isEqualTo(2);
        assertThat(err()).contains(bad + ": line 5, column 11: failure-modes.slow-db.risk: 'extreme' is not one of "
                        + "[low, medium, high]",
                bad + ": line 9, column 92: failure-modes.slow-db.predictions.fast.threshold: unknown variable [limit]",
                "2 problems; nothing published");
    }

    @Test
    void shouldShowACommandsOptionsAndTheirEnvironmentVariables() {
        assertThat(run("help", "propose")).isZero();
        assertThat(out()).contains("--service=S", "--fault=FAULT_TYPE", "--label=KEY=VALUE",
                "--hypothesis-url=URL", "FAULTLINE_HYPOTHESIS_URL", "http://127.0.0.1:8101");
    }

    @Test
    void shouldExitWithTwoOnAnUnknownCommand() {
        assertThat(run("destroy")).isEqualTo(2);
        assertThat(err()).startsWith("faultline: unknown command 'destroy'");
    }

    @Test
    void shouldExitWithTwoNamingAnUnknownOption() {
        assertThat(run("approve", "exp-1", "--coment=ok")).isEqualTo(2);
        assertThat(err()).startsWith("faultline approve: Unknown option: '--coment=ok'").contains("--comment",
                "usage: faultline approve", "faultline approve --help");
    }

    @Test
    void shouldNameTheTypoRatherThanTheRequiredOptionItHides() {
        assertThat(run("halt", "exp-1", "--reasn", "pager")).isEqualTo(2);
        assertThat(err()).contains("'--reasn'").doesNotContain("Missing required");
    }

    @Test
    void shouldExitWithTwoNamingAnOptionWithoutItsValue() {
        assertThat(run("approve", "exp-1", "--comment")).isEqualTo(2);
        assertThat(err()).startsWith("faultline approve: Missing required parameter for option '--comment'");
    }

    @Test
    void shouldExitWithTwoNamingAMissingRequiredOption() {
        assertThat(run("halt", "exp-1")).isEqualTo(2);
        assertThat(err()).startsWith("faultline halt: Missing required option: '--reason=TEXT'");
    }

    @Test
    void shouldExitWithTwoNamingABadNumber() {
        assertThat(run("watch", "exp-1", "--timeout", "ten")).isEqualTo(2);
        assertThat(err()).startsWith("faultline watch: Invalid value for option '--timeout': 'ten' is not an int");
    }

    @Test
    void shouldExitWithTwoOnAMissingOrSurplusExperimentId() {
        assertThat(run("status")).isEqualTo(2);
        assertThat(err()).startsWith("faultline status: Missing required parameter: '<experiment-id>'");
        assertThat(run("report", "exp-1", "exp-2")).isEqualTo(2);
        assertThat(err()).contains("faultline report: Unmatched argument at index 2: 'exp-2'");
    }

    @Test
    void shouldExitWithTwoAndTheUsageWhenTheCommandsOwnRulesRefuse() {
        assertThat(run("review", "exp-1")).isEqualTo(2);
        assertThat(err()).contains("faultline review: say what the review is", "usage: faultline review");
    }

    @Test
    void shouldExitWithOneWhenTheServiceIsNotReachable() {
        int port = FreePorts.next();

        assertThat(run("status", "exp-1", "--catalog-url", "http://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err()).contains("faultline status: catalog-service is not reachable at http://127.0.0.1:" + port);
    }

    @Test
    void shouldTakeAServiceAddressFromTheEnvironment() {
        int port = FreePorts.next();

        int code = FaultlineCli.run(List.of("report", "exp-1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("FAULTLINE_ANALYSIS_URL", "http://127.0.0.1:" + port));

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("analysis-service is not reachable at http://127.0.0.1:" + port);
    }
}
