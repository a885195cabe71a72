package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultlineCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... tokens) {
        return FaultlineCli.run(List.of(tokens), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldListEveryCommandInTheUsage() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo", "stack", "propose", "review", "approve",
                "status", "halt", "report", "watch");
    }

    @Test
    void shouldExitWithTwoOnAnUnknownCommand() {
        assertThat(run("destroy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("faultline: unknown command 'destroy'");
    }

    @Test
    void shouldExitWithTwoAndTheUsageOnABadCommandLine() {
        assertThat(run("review", "exp-1", "--by", "carol")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("faultline review: say what the review is",
                "usage: faultline review <experiment-id>");
    }

    @Test
    void shouldExitWithOneWhenTheServiceIsNotReachable() {
        int port = FreePorts.next();

        assertThat(run("status", "exp-1", "--catalog-url", "http://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("faultline status: catalog-service is not reachable at "
                + "http://127.0.0.1:" + port);
    }
}
