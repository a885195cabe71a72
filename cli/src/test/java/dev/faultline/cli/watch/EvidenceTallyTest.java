package dev.faultline.cli.watch;

import static dev.faultline.cli.watch.Events.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTallyTest {

    @Test
    void shouldTakeTheNearestRankP99AndTheShares() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(sample("product-reads", i, i <= 10 ? 503 : 200));
        }
        EvidenceTally tally = new EvidenceTally();
        tally.add(ExperimentPhase.DURING, samples);

        EvidenceTally.ProbeFigures figures = tally.of(ExperimentPhase.DURING).get(0);
        assertThat(figures.samples()).isEqualTo(100);
        assertThat(figures.p99Millis()).isEqualTo(99.0);
        assertThat(figures.failedShare()).isEqualTo(0.1);
        assertThat(figures.unavailableShare()).isEqualTo(0.1);
    }

    @Test
    void shouldKeepPhasesApart() {
        EvidenceTally tally = new EvidenceTally();
        tally.add(ExperimentPhase.BEFORE, List.of(sample("product-reads", 3, 200)));
        tally.add(ExperimentPhase.DURING, List.of(sample("product-reads", 1200, 200)));

        assertThat(tally.of(ExperimentPhase.BEFORE).get(0).p99Millis()).isEqualTo(3.0);
        assertThat(tally.of(ExperimentPhase.DURING).get(0).p99Millis()).isEqualTo(1200.0);
        assertThat(tally.of(ExperimentPhase.AFTER)).isEmpty();
    }
}
