package dev.faultline.dataplane.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaseRegistryTest {

    /** A clock the test moves by hand. */
    private static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeClock clock = new FakeClock();
    // the background reaper is effectively off (1 hour); the test reaps by hand
    private final LeaseRegistry leases = new LeaseRegistry(clock, Duration.ofHours(1));
    private final List<String> removed = new ArrayList<>();

    @AfterEach
    void close() {
        leases.close();
    }

    @Test
    void shouldRemoveAFaultWhoseLeaseExpired() {
        leases.grant("l4/db/toxics/lat", "ctl-1", Duration.ofSeconds(10), () -> removed.add("lat"));
        clock.advance(Duration.ofSeconds(9));
        assertThat(leases.reapExpired()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(leases.reapExpired()).containsExactly("l4/db/toxics/lat");
        assertThat(removed).containsExactly("lat");
        assertThat(leases.snapshot()).isEmpty();
    }

    @Test
    void shouldKeepAFaultItsHolderRenews() {
        leases.grant("a", "ctl-1", Duration.ofSeconds(10), () -> removed.add("a"));
        leases.grant("b", "ctl-1", Duration.ofSeconds(10), () -> removed.add("b"));
        leases.grant("c", "ctl-2", Duration.ofSeconds(10), () -> removed.add("c"));
        clock.advance(Duration.ofSeconds(8));
        assertThat(leases.renewHolder("ctl-1")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(8));
        leases.reapExpired();
        assertThat(removed).containsExactly("c");
        assertThat(leases.lease("a").orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:18Z"));
    }

    @Test
    void shouldNotRunTheRemovalOfAReleasedLease() {
        leases.grant("a", "ctl-1", Duration.ofSeconds(1), () -> removed.add("a"));
        leases.release("a");
        clock.advance(Duration.ofSeconds(5));
        assertThat(leases.reapExpired()).isEmpty();
        assertThat(removed).isEmpty();
    }

    @Test
    void shouldRevokeEveryFaultOfAHolderAtOnce() {
        leases.grant("a", "ctl-1", Duration.ofHours(1), () -> removed.add("a"));
        leases.grant("b", "ctl-2", Duration.ofHours(1), () -> removed.add("b"));
        assertThat(leases.revokeHolder("ctl-1")).containsExactly("a");
        assertThat(removed).containsExactly("a");
        assertThat(leases.snapshot()).containsOnlyKeys("b");
    }

    @Test
    void shouldKeepReapingWhenOneRemovalFails() {
        leases.grant("bad", "ctl", Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        leases.grant("good", "ctl", Duration.ofSeconds(1), () -> removed.add("good"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(leases.reapExpired()).containsExactly("good");
        assertThat(leases.snapshot()).isEmpty();
    }
}
