package dev.faultline.safety.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduledStartsTest {

    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final long RUN = Duration.ofMinutes(5).toMillis();

    private final Map<String, ScheduledStart> rows = new HashMap<>();
    private final List<String> runs = new ArrayList<>();
    private Instant now = TEN.minusSeconds(30);
    private final ScheduledStarts starts = new ScheduledStarts(new InMemoryBook(),
            (id, publishBlock) -> runs.add(id + (publishBlock ? " first" : " retry")), id -> Optional.of(RUN),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }, Duration.ofMinutes(1));

    @Test
    void shouldRunNothingBeforeTheWindowStartsThenRunOnceAtTheStart() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));

        assertThat(starts.tick()).isZero();
        now = TEN;
        assertThat(starts.tick()).isOne();
        now = TEN.plusSeconds(1);
        assertThat(starts.tick()).isZero();
        assertThat(runs).containsExactly("exp-1 first");
    }

    @Test
    void shouldRetryABlockedStartEveryIntervalWithoutPublishingTheBlockAgain() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));
        now = TEN;
        starts.tick();
        now = TEN.plusSeconds(59);
        starts.tick();
        now = TEN.plusSeconds(60);
        starts.tick();

        assertThat(runs).containsExactly("exp-1 first", "exp-1 retry");
    }

    @Test
    void shouldRunAtOnceWhenTheWindowCanNoLongerHoldTheRun() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(10)));
        now = TEN.plus(Duration.ofMinutes(4));
        starts.tick();
        now = TEN.plus(Duration.ofMinutes(4)).plusSeconds(1);
        starts.tick();

        assertThat(runs).containsExactly("exp-1 first", "exp-1 retry");
    }

    @Test
    void shouldTreatAMovedWindowAsANewFirstAttempt() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));
        now = TEN;
        starts.tick();
        schedule("exp-1", TEN.plusSeconds(10), TEN.plus(Duration.ofMinutes(30)));
        now = TEN.plusSeconds(10);
        starts.tick();

        assertThat(runs).containsExactly("exp-1 first", "exp-1 first");
    }

    @Test
    void shouldLeaveSettledSchedulesAlone() throws InterruptedException {
        rows.put("exp-1", new ScheduledStart("exp-1", 1, Environment.STAGING,
                new ScheduleWindow(TEN, TEN.plus(Duration.ofMinutes(30))), true));
        now = TEN;

        assertThat(starts.tick()).isZero();
    }

    private void schedule(String id, Instant start, Instant end) {
        rows.put(id, new ScheduledStart(id, 1, Environment.STAGING, new ScheduleWindow(start, end), false));
    }

    private final class InMemoryBook implements ScheduleBook {
        @Override
        public void scheduled(ScheduledStart start) {
            rows.put(start.experimentId(), start);
        }

        @Override
        public void settled(String experimentId, int revision) {
            rows.computeIfPresent(experimentId, (id, s) -> s.revision() == revision
                    ? new ScheduledStart(id, revision, s.environment(), s.window(), true) : s);
        }

        @Override
        public Optional<ScheduledStart> find(String experimentId) {
            return Optional.ofNullable(rows.get(experimentId));
        }

        @Override
        public List<ScheduledStart> open() {
            return rows.values().stream().filter(s -> !s.settled()).toList();
        }
    }
}
