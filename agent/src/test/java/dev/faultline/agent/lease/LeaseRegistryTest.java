package dev.faultline.agent.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaseRegistryTest {

    private final ManualClock clock = new ManualClock();
    // the background sweeper is effectively off (1 hour); the tests sweep by hand
    private final LeaseRegistry<String> leases = new LeaseRegistry<>(clock, Duration.ofHours(1));
    private final List<String> removals = new ArrayList<>();

    @AfterEach
    void close() {
        leases.close();
    }

    private void grant(String key, String holder, long ttlMillis) {
        assertThat(leases.grant(key, new LeaseTerms(holder, Duration.ofMillis(ttlMillis)), () -> {
            removals.add(key);
            return "removed " + key;
        })).isTrue();
    }

    @Test
    void shouldRemoveAFaultOnceItsLeaseHasExpiredAndNotBefore() {
        grant("cpu-1", "ctl-a", 1000);
        clock.advance(Duration.ofMillis(999));
        assertThat(leases.reapExpired()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.reapExpired()).containsExactly("removed cpu-1");
        assertThat(leases.reapExpired()).isEmpty();
        assertThat(removals).containsExactly("cpu-1");
    }

    @Test
    void shouldKeepARenewedFaultForAnotherTtlFromTheRenewal() {
        grant("cpu-1", "ctl-a", 1000);
        clock.advance(Duration.ofMillis(800));
        assertThat(leases.renewHolder("ctl-a")).containsOnlyKeys("cpu-1");
        clock.advance(Duration.ofMillis(800));
        assertThat(leases.reapExpired()).isEmpty();
        clock.advance(Duration.ofMillis(200));
        assertThat(leases.reapExpired()).containsExactly("removed cpu-1");
    }

    @Test
    void shouldRenewAndReleaseOnlyTheGivenHoldersFaults() {
        grant("a-1", "ctl-a", 1000);
        grant("a-2", "ctl-a", 1000);
        grant("b-1", "ctl-b", 1000);
        assertThat(leases.renewHolder("ctl-c")).isEmpty();
        assertThat(leases.revokeHolder("ctl-a")).containsExactlyInAnyOrder("removed a-1", "removed a-2");
        assertThat(leases.snapshot()).containsOnlyKeys("b-1");
        assertThat(leases.heldBy("ctl-a")).isEmpty();
    }

    @Test
    void shouldRunEachRemovalExactlyOnceWhicheverWayTheFaultEnds() {
        grant("cpu-1", "ctl-a", 1000);
        assertThat(leases.revoke("cpu-1")).contains("removed cpu-1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(leases.revoke("cpu-1")).isEmpty();
        assertThat(leases.reapExpired()).isEmpty();
        assertThat(leases.revokeHolder("ctl-a")).isEmpty();
        assertThat(removals).containsExactly("cpu-1");
    }

    @Test
    void shouldRefuseASecondLeaseOnTheSameKey() {
        grant("cpu-1", "ctl-a", 1000);
        assertThat(leases.grant("cpu-1", new LeaseTerms("ctl-b", Duration.ofSeconds(1)), () -> "other")).isFalse();
        assertThat(leases.lease("cpu-1")).get().extracting(Lease::holder).isEqualTo("ctl-a");
    }

    @Test
    void shouldRefuseTermsThatCannotBeUsedInAUrlOrNeverExpire() {
        assertThatThrownBy(() -> new LeaseTerms("ctl/a", Duration.ofSeconds(1))).hasMessageContaining("'holder'");
        assertThatThrownBy(() -> new LeaseTerms("ctl-a", Duration.ZERO)).hasMessageContaining("'ttlMillis' must be from 1");
        assertThatThrownBy(() -> new LeaseTerms("ctl-a", Duration.ofDays(2))).hasMessageContaining("86400000");
    }
}
