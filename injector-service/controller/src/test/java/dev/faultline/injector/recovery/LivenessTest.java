package dev.faultline.injector.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another instance is dead only once its heartbeat has stood still for the whole dead-after, watched without a break. */
class LivenessTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(15);
    private final Liveness liveness = new Liveness(DEAD_AFTER);
    private final Instant t0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void shouldKeepAnInstanceWhoseHeartbeatMovesAliveHoweverLong() {
        for (int s = 0; s <= 120; s += 2) {
            liveness.observe(Map.of("injector-1", beatAt(s)), t0.plusSeconds(s));
            assertThat(liveness.dead("injector-1", t0.plusSeconds(s))).as("at %d s", s).isFalse();
        }
    }

    @Test
    void shouldCallAnInstanceDeadOnceItsHeartbeatStoodStillForDeadAfterAndNotBefore() {
        liveness.observe(Map.of("injector-1", beatAt(0)), t0);
        liveness.observe(Map.of("injector-1", beatAt(4)), t0.plusSeconds(4)); // its last beat
        liveness.observe(Map.of("injector-1", beatAt(4)), t0.plusSeconds(18));
        assertThat(liveness.dead("injector-1", t0.plusSeconds(18))).isFalse();
        liveness.observe(Map.of("injector-1", beatAt(4)), t0.plusSeconds(19));
        assertThat(liveness.dead("injector-1", t0.plusSeconds(19))).isTrue();
    }

    @Test
    void shouldJudgeByChangeNotByTheBeatsOwnClock() {
        // the other machine's clock is an hour behind: its beats look old but they move
        Instant behind = t0.minus(Duration.ofHours(1));
        for (int s = 0; s <= 30; s += 2) {
            liveness.observe(Map.of("injector-2", behind.plusSeconds(s)), t0.plusSeconds(s));
        }
        assertThat(liveness.dead("injector-2", t0.plusSeconds(30))).isFalse();
    }

    @Test
    void shouldCallAnInstanceWithNoHeartbeatDeadOnlyAfterWatchingForDeadAfter() {
        liveness.observe(Map.of(), t0);
        assertThat(liveness.dead("injector-gone", t0)).as("not at the first look").isFalse();
        liveness.observe(Map.of(), t0.plusSeconds(15));
        assertThat(liveness.dead("injector-gone", t0.plusSeconds(15))).isTrue();
    }

    @Test
    void shouldCountAHeartbeatThatDisappearedFromWhenItDid() {
        liveness.observe(Map.of("injector-1", beatAt(0)), t0);
        liveness.observe(Map.of(), t0.plusSeconds(10)); // its row expired
        assertThat(liveness.dead("injector-1", t0.plusSeconds(24))).isFalse();
        assertThat(liveness.dead("injector-1", t0.plusSeconds(25))).isTrue();
    }

    @Test
    void shouldStartTheWatchAgainAfterAFailedReadSinceNobodyCouldBeatMeanwhile() {
        liveness.observe(Map.of("injector-1", beatAt(0)), t0);
        liveness.interrupted(); // the store was down from here …
        assertThat(liveness.dead("injector-1", t0.plusSeconds(60))).as("nothing known while the store is down").isFalse();
        // … and answers again after a minute, before the other instance has beaten again
        liveness.observe(Map.of("injector-1", beatAt(0)), t0.plusSeconds(60));
        assertThat(liveness.dead("injector-1", t0.plusSeconds(60))).as("its old beat is not a minute of silence").isFalse();
        liveness.observe(Map.of("injector-1", beatAt(62)), t0.plusSeconds(62));
        liveness.observe(Map.of("injector-1", beatAt(62)), t0.plusSeconds(76));
        assertThat(liveness.dead("injector-1", t0.plusSeconds(76))).isFalse();
        liveness.observe(Map.of("injector-1", beatAt(62)), t0.plusSeconds(77));
        assertThat(liveness.dead("injector-1", t0.plusSeconds(77))).isTrue();
    }

    private Instant beatAt(int second) {
        return t0.plusSeconds(second);
    }
}
