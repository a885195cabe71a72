package dev.faultline.safety.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduledStartsTest {

    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final long RUN = Duration.ofMinutes(5).toMillis();

    private final Map<String, ScheduledStart> rows = new HashMap<>();
    private final List<String> runs = new ArrayList<>();
    private Instant now = TEN.minusSeconds(30);
    private final Set<String> claims = new HashSet<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ScheduledStarts starts = instance("a");

    /** One safety-service instance's ticker, on the shared book. */
    private ScheduledStarts instance(String name) {
        return new ScheduledStarts(new InMemoryBook(), id -> runs.add(id + " by " + name), id -> Optional.of(RUN),
                clock, Duration.ofMinutes(1));
    }

    @Test
    void shouldRunNothingBeforeTheWindowStartsThenRunOnceAtTheStart() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));

        assertThat(starts.tick()).isZero();
        now = TEN;
        assertThat(starts.tick()).isOne();
        now = TEN.plusSeconds(1);
        assertThat(starts.tick()).isZero();
        assertThat(runs).containsExactly("exp-1 by a");
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

        assertThat(runs).containsExactly("exp-1 by a", "exp-1 by a");
    }

    @Test
    void shouldRunAtOnceWhenTheWindowCanNoLongerHoldTheRun() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(10)));
        now = TEN.plus(Duration.ofMinutes(4));
        starts.tick();
        now = TEN.plus(Duration.ofMinutes(4)).plusSeconds(1);
        starts.tick();

        assertThat(runs).containsExactly("exp-1 by a", "exp-1 by a");
    }

    @Test
    void shouldTreatAMovedWindowAsANewFirstAttempt() throws InterruptedException {
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));
        now = TEN;
        starts.tick();
        schedule("exp-1", TEN.plusSeconds(10), TEN.plus(Duration.ofMinutes(30)));
        now = TEN.plusSeconds(10);
        starts.tick();

        assertThat(runs).containsExactly("exp-1 by a", "exp-1 by a");
    }

    @Test
    void shouldRunEachAttemptOnOneInstanceOnly() throws InterruptedException {
        ScheduledStarts other = instance("b");
        schedule("exp-1", TEN, TEN.plus(Duration.ofMinutes(30)));
        now = TEN;
        starts.tick();
        other.tick();
        now = TEN.plusSeconds(60);
        other.tick();
        starts.tick();

        assertThat(runs).containsExactly("exp-1 by a", "exp-1 by b");
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
        public void scheduled(ScheduledStart start, Instant at) {
            rows.put(start.experimentId(), start);
        }

        @Override
        public void settled(String experimentId, int revision, Instant at) {
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

        @Override
        public boolean claim(String experimentId, Instant windowStart, long attempt) {
            return claims.add(experimentId + "@" + windowStart + "#" + attempt);
        }
    }
}
