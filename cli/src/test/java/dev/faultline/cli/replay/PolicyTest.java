package dev.faultline.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The what-if file: thresholds by prediction id before statistic, guardrails with durations, clear errors. */
class PolicyTest {

    @TempDir
    Path dir;

    private Policy read(String yaml) throws Exception {
        return Policy.read(Files.writeString(dir.resolve("policy.yaml"), yaml));
    }

    @Test
    void shouldChangeThresholdsByPredictionIdBeforeStatisticAndLeaveTheRecordAlone() throws Exception {
        Policy policy = read("""
                thresholds:
                  - statistic: success_rate
                    threshold: 0.8
                  - prediction: reads-served
                    threshold: 0.5
                  - statistic: P99_LATENCY
                    comparator: LESS_OR_EQUAL
                    threshold: 1500
                """);
        Hypothesis recorded = EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions());

        Hypothesis changed = policy.apply(recorded);

        assertThat(changed.getPredictions()).extracting(Prediction::getThreshold).containsExactly(0.5, 1500.0, 0.9, 0.9);
        assertThat(changed.getPredictions().get(1).getComparator().name()).isEqualTo("LESS_OR_EQUAL");
        assertThat(recorded.getPredictions()).extracting(Prediction::getThreshold).containsExactly(0.9, 800.0, 0.9, 0.9);
    }

    @Test
    void shouldReadAGuardrailWithItsWindowAndSustain() throws Exception {
        Policy policy = read("""
                guardrails:
                  - id: reads-slow
                    probe: product-reads
                    statistic: P99_LATENCY
                    comparator: GREATER_THAN
                    threshold: 1000
                    window: 3s
                    sustain: 500ms
                """);

        assertThat(policy.guardrailsAsRecorded()).singleElement().satisfies(g -> {
            assertThat(g.getEvaluationWindowMillis()).isEqualTo(3000);
            assertThat(g.getSustainMillis()).isEqualTo(500);
        });
    }

    @Test
    void shouldSayWhatToFixInABadPolicy() {
        assertThatThrownBy(() -> read("thresholds:\n  - threshold: 3\n"))
                .hasMessageContaining("each threshold names a prediction or a statistic");
        assertThatThrownBy(() -> read("guardrails:\n  - {id: g, probe: p, statistic: ERROR_RATE, comparator: GREATER_THAN,"
                + " threshold: 0.5, window: soon}\n")).hasMessageContaining("g.window must be a duration such as 500ms");
        assertThatThrownBy(() -> read("thresholdz: []\n")).hasMessageContaining("is not a policy file")
                .hasMessageContaining("thresholdz");
    }
}
