package dev.faultline.injector.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LOG probes on a real, growing log file. */
class LogProberTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    private final LogProber prober = new LogProber(SAME_THREAD, Clock.systemUTC());

    private ProbeSpec spec(Path file, Map<String, String> parameters) {
        return ProbeSpec.newBuilder().setProbeId("pricing-errors").setKind(ProbeKind.LOG).setTarget(file.toString())
                .setIntervalMillis(1000).setTimeoutMillis(1000).setComponent("storefront").setParameters(parameters)
                .build();
    }

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Sample probe(ProbeSpec spec) {
        return prober.probe(spec, "exp-1").join();
    }

    @Test
    void shouldCountTheMatchingLinesWrittenSinceThePreviousSample() throws Exception {
        Path log = dir.resolve("storefront.log");
        append(log, "12:00:00 ERROR PriceClient old failure before the experiment\n");
        ProbeSpec errors = spec(log, Map.of("level", "ERROR", "logger", "PriceClient"));

        Sample first = probe(errors);
        assertThat(first.ok()).isTrue();
        assertThat(first.value()).as("the first sample only notes where the log ends").isNull();

        append(log, "12:00:01 ERROR PriceClient pricing timed out\n12:00:01 INFO  PriceClient cached price served\n"
                + "12:00:02 ERROR Orders order refused\n12:00:02 ERROR PriceClient pricing tim");
        assertThat(probe(errors).value()).as("one whole matching line; the unfinished one waits").isEqualTo(1.0);

        append(log, "ed out\n12:00:03 ERRORS PriceClient not the level word\n");
        assertThat(probe(errors).value()).as("the line finished since").isEqualTo(1.0);
        assertThat(probe(errors).value()).as("nothing new").isEqualTo(0.0);
    }

    @Test
    void shouldReadARotatedFileFromItsStartAndMatchAPattern() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "a long line that makes the file larger than what comes after the rotation\n");
        ProbeSpec timeouts = spec(log, Map.of("pattern", "timed? ?out"));
        probe(timeouts);

        Files.writeString(log, "timeout 1\nok\n");
        assertThat(probe(timeouts).value()).isEqualTo(1.0);
    }

    @Test
    void shouldFailWithTheReasonWhenTheLogCannotBeRead() {
        Sample missing = probe(spec(dir.resolve("absent.log"), Map.of("level", "ERROR")));
        Sample vague = probe(spec(dir.resolve("absent.log"), Map.of()));

        assertThat(missing.ok()).isFalse();
        assertThat(missing.value()).isNull();
        assertThat(missing.error()).contains("log source").contains("absent.log").contains("unreadable");
        assertThat(vague.error()).contains("a LOG probe needs at least one");
    }
}
