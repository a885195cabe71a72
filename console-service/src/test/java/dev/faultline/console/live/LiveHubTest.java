package dev.faultline.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.console.ConsoleSettings;
import dev.faultline.kit.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiveHubTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final LiveHub hub = new LiveHub(new ConsoleSettings(900_000, 10, 600_000), clock);

    @Test
    void shouldGiveAWatcherWhatIsKeptOfTheRunFirstThenEachNewEventOnce() {
        hub.publish(started("exp-1"));
        hub.publish(evidence("exp-1", 0, 3));
        hub.publish(evidence("exp-2", 0, 3));

        List<LiveEvent> seen = new ArrayList<>();
        LiveHub.Watch watch = hub.watch("exp-1", seen::add);
        hub.publish(evidence("exp-1", 1, 2));
        hub.publish(evidence("exp-2", 1, 2));
        watch.close();
        hub.publish(evidence("exp-1", 2, 2));

        assertThat(seen).extracting(LiveEvent::type, LiveEvent::sequence)
                .containsExactly(tuple("injection", null),
                        tuple("evidence", 0L),
                        tuple("evidence", 1L));
    }

    @Test
    void shouldGoOnTellingTheOtherWatchersWhenOneClosesItsWatchAsItIsTold() {
        List<LiveEvent> leaving = new ArrayList<>();
        List<LiveEvent> staying = new ArrayList<>();
        LiveHub.Watch[] first = new LiveHub.Watch[1];
        first[0] = hub.watch(null, event -> {
            leaving.add(event);
            first[0].close(); // as a browser's stream, gone, is disposed: on the publishing thread
        });
        hub.watch(null, staying::add);

        hub.publish(started("exp-1"));
        hub.publish(stopped("exp-1"));

        assertThat(leaving).extracting(LiveEvent::state).containsExactly("STARTED");
        assertThat(staying).extracting(LiveEvent::state).containsExactly("STARTED", "STOPPED");
    }

    @Test
    void shouldTellAWatcherOfAllExperimentsTheirStatusButNotTheirSamples() {
        List<LiveEvent> seen = new ArrayList<>();
        hub.watch(null, seen::add);
        hub.publish(started("exp-1"));
        hub.publish(evidence("exp-1", 0, 3));
        hub.publish(stopped("exp-1"));

        assertThat(seen).extracting(LiveEvent::state).containsExactly("STARTED", "STOPPED");
    }

    @Test
    void shouldDropTheOldestBatchesBeyondTheSampleLimitAndKeepTheInjection() {
        hub.publish(started("exp-1"));
        IntStream.range(0, 5).forEach(i -> hub.publish(evidence("exp-1", i, 3)));

        List<LiveEvent> kept = hub.kept("exp-1");
        assertThat(kept.get(0).state()).isEqualTo("STARTED");
        assertThat(kept.stream().mapToInt(e -> e.samples().size()).sum()).isLessThanOrEqualTo(10);
        assertThat(kept).extracting(LiveEvent::sequence).containsSubsequence(3L, 4L).doesNotContain(0L, 1L);
    }

    @Test
    void shouldForgetAFinishedRunAfterKeepFinishedAndAnUnfinishedOneAfterTheLookback() {
        hub.publish(started("finished"));
        hub.publish(stopped("finished"));
        hub.publish(started("silent"));

        clock.advance(Duration.ofMinutes(11));
        hub.publish(started("other"));
        assertThat(hub.kept("finished")).isEmpty();
        assertThat(hub.kept("silent")).isNotEmpty();

        clock.advance(Duration.ofMinutes(5));
        hub.publish(started("another"));
        assertThat(hub.kept("silent")).isEmpty();
        assertThat(hub.kept("other")).isNotEmpty();
    }

    private static LiveEvent started(String experiment) {
        return new LiveEvent(LiveEvent.INJECTION, experiment, "inj", T0, "STARTED", "NETWORK_LATENCY", T0,
                T0.plusSeconds(30), null, null, List.of());
    }

    private static LiveEvent stopped(String experiment) {
        return new LiveEvent(LiveEvent.INJECTION, experiment, "inj", T0, "STOPPED", "COMPLETED", T0,
                T0.plusSeconds(30), null, null, List.of());
    }

    private static LiveEvent evidence(String experiment, long sequence, int samples) {
        return new LiveEvent(LiveEvent.EVIDENCE, experiment, "inj", T0, null, null, null, null, "DURING", sequence,
                IntStream.range(0, samples).mapToObj(i -> new LiveEvent.Point("reads", T0.toEpochMilli() + i, 12.5,
                        true, 200)).toList());
    }
}
