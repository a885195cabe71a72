package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.e2e.LoadFigures.Stage;
import dev.faultline.cli.e2e.LoadFigures.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");

    @Test
    void shouldTakeP50AndP99ByNearestRank() {
        List<Duration> hundred = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();
        assertThat(LoadFigures.nearestRank(hundred, 0.50)).isEqualTo(Duration.ofMillis(50));
        assertThat(LoadFigures.nearestRank(hundred, 0.99)).isEqualTo(Duration.ofMillis(99));
        List<Duration> forty = IntStream.rangeClosed(1, 40).mapToObj(Duration::ofMillis).toList();
        assertThat(LoadFigures.nearestRank(forty, 0.99)).as("⌈0.99 × 40⌉ = 40: the slowest").isEqualTo(Duration.ofMillis(40));
        assertThat(LoadFigures.nearestRank(List.of(Duration.ofMillis(7)), 0.50)).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void shouldCountVerdictsPerHourOverTheFirstProposalToTheLastVerdict() {
        // two experiments: proposed at 0 s and 10 s, verdicts at 60 s and 120 s; a third never judged
        List<Times> runs = List.of(run(0, 60), run(10, 120), new Times(at(20), at(21), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        LoadFigures figures = new LoadFigures(runs);
        assertThat(figures.completed()).isEqualTo(2);
        assertThat(figures.wallTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(figures.experimentsPerHour()).isEqualTo(60.0);
    }

    @Test
    void shouldMeasureEachStageBetweenItsTwoMilestones() {
        Times one = new Times(at(0), at(2), at(3), at(5), at(5), at(6), at(16), at(19));
        LoadFigures.Percentiles drafting = new LoadFigures(List.of(one)).stages().get(Stage.DRAFTING);
        assertThat(drafting.p50()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new LoadFigures(List.of(one)).stages().get(Stage.PREFLIGHT).p99()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new LoadFigures(List.of(one)).stages().get(Stage.START).p50()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new LoadFigures(List.of(one)).stages().get(Stage.JUDGING).p50()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new LoadFigures(List.of(one)).stages().get(Stage.WHOLE).p50()).isEqualTo(Duration.ofSeconds(19));
    }

    @Test
    void shouldCountTheMostIntervalsOpenAtOnceWithBackToBackOnesNotOverlapping() {
        List<Instant[]> intervals = new ArrayList<>();
        intervals.add(new Instant[] {T0, T0.plusSeconds(10)});
        intervals.add(new Instant[] {T0.plusSeconds(10), T0.plusSeconds(20)}); // back to back with the first
        intervals.add(new Instant[] {T0.plusSeconds(5), T0.plusSeconds(15)});
        assertThat(LoadFigures.mostAtOnce(intervals)).isEqualTo(2);
        intervals.add(new Instant[] {T0.plusSeconds(6), T0.plusSeconds(7)});
        assertThat(LoadFigures.mostAtOnce(intervals)).isEqualTo(3);
    }

    private static Times run(int proposedAt, int verdictAt) {
        return new Times(at(proposedAt), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), at(verdictAt));
    }

    private static Optional<Instant> at(int seconds) {
        return Optional.of(T0.plusSeconds(seconds));
    }
}
