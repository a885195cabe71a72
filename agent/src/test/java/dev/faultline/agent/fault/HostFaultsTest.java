package dev.faultline.agent.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.lease.LeaseRegistry;
import dev.faultline.agent.lease.LeaseTerms;
import dev.faultline.agent.lease.ManualClock;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle over a recording fault kind (nothing on the host is touched), with real Ed25519 clearances. */
class HostFaultsTest {

    /** What the recording kind's effects did, in order. */
    static final List<String> LOG = new ArrayList<>();

    /** A kind whose effect records apply/remove; {@code fail} makes apply refuse, {@code undo} = false an unverified removal. */
    public record Recording(boolean fail, boolean undo) implements HostFault {
        @Override
        public Effect apply(String name, Host host) {
            if (fail) {
                throw new FaultRefused.NotAllowed("not on the allow-list");
            }
            LOG.add("apply " + name);
            return new Effect() {
                @Override
                public Check check() {
                    return Check.ok("in force", Map.of());
                }

                @Override
                public Check remove() {
                    LOG.add("remove " + name);
                    return Check.of(undo, undo ? "gone" : "still there", Map.of());
                }
            };
        }

        @Override
        public Rehearsal rehearse(Host host) {
            return new Rehearsal.Steps().add("rehearse", true, "ok").done();
        }
    }

    private static final ClearanceKeyPair SAFETY = ClearanceKeyPair.generate("safety-1");

    private final ManualClock clock = new ManualClock();
    private final LeaseRegistry<Removal> leases = new LeaseRegistry<>(clock, Duration.ofHours(1));
    private final HostFaults faults = new HostFaults(new FaultKinds()
            .register(new FaultKind<>("recording", Recording.class, Map.of("fail", false, "undo", true))),
            new Host(null, null, null, null, null, null, null, 1), leases, clock, SAFETY.verifier());

    private ClearanceClaims clearance(ClearanceKeyPair signedWith) {
        return signedWith.signer().sign(ClearanceClaims.unsigned("exp-1", "c-1", 1, "STAGING", clock.instant(),
                clock.instant().plusSeconds(60)));
    }

    @AfterEach
    void close() {
        faults.close();
        LOG.clear();
    }

    private FaultStatus create(String name, String holder, String attributes) throws Exception {
        return create(name, holder, attributes, clearance(SAFETY));
    }

    private FaultStatus create(String name, String holder, String attributes, ClearanceClaims clearance) throws Exception {
        return faults.create(new FaultOrder(name, "recording", new LeaseTerms(holder, Duration.ofSeconds(10)),
                new ObjectMapper().readTree(attributes), clearance));
    }

    @Test
    void shouldApplyNothingWithoutAGenuineUnexpiredClearance() {
        ClearanceClaims genuine = clearance(SAFETY);
        ClearanceClaims relabelled = new ClearanceClaims(genuine.experimentId(), genuine.clearanceId(), 2,
                genuine.environment(), genuine.issuedAt(), genuine.expiresAt(), genuine.keyId(), genuine.signature());

        assertThatThrownBy(() -> create("f1", "ctl-a", "{}", null)).isInstanceOf(FaultRefused.NotCleared.class)
                .hasMessageStartingWith("no clearance: the agent applies a fault only with the clearance of the run");
        assertThatThrownBy(() -> create("f1", "ctl-a", "{}", clearance(ClearanceKeyPair.generate("safety-1"))))
                .isInstanceOf(FaultRefused.NotCleared.class).hasMessageContaining("does not verify with key 'safety-1'");
        assertThatThrownBy(() -> create("f1", "ctl-a", "{}", relabelled))
                .isInstanceOf(FaultRefused.NotCleared.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> create("f1", "ctl-a", "{}", clearance(ClearanceKeyPair.generate("rogue"))))
                .isInstanceOf(FaultRefused.NotCleared.class).hasMessageContaining("key id 'rogue'");
        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> create("f1", "ctl-a", "{}", genuine))
                .isInstanceOf(FaultRefused.NotCleared.class).hasMessageContaining("expired");
        assertThat(LOG).isEmpty();
        assertThat(leases.snapshot()).isEmpty();
    }

    @Test
    void shouldRemoveRenewAndRehearseWithoutAClearance() throws Exception {
        create("f1", "ctl-a", "{}");
        create("f2", "ctl-b", "{}");

        assertThat(faults.renew("ctl-a")).containsOnlyKeys("f1");
        assertThat(faults.stop("f1").verified()).isTrue();
        assertThat(faults.release("ctl-b")).extracting(Removal::name).containsExactly("f2");
        assertThat(faults.rehearse("recording", new ObjectMapper().readTree("{}")).ok()).isTrue();
        assertThat(LOG).containsExactly("apply f1", "apply f2", "remove f1", "remove f2");
    }

    @Test
    void shouldApplyLeaseAndMeasureANewFault() throws Exception {
        FaultStatus status = create("f1", "ctl-a", "{}");
        assertThat(status.effect().ok()).isTrue();
        assertThat(status.ttlMillis()).isEqualTo(10_000);
        assertThat(status.expiresAt()).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(faults.list()).extracting(FaultStatus::name).containsExactly("f1");
        assertThat(LOG).containsExactly("apply f1");
    }

    @Test
    void shouldAnswerEveryRemovalWithItsVerification() throws Exception {
        create("f1", "ctl-a", "{}");
        create("f2", "ctl-a", "{\"undo\": false}");
        create("f3", "ctl-b", "{}");
        List<Removal> released = faults.release("ctl-a");
        assertThat(released).extracting(Removal::name, Removal::verified)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("f1", true), org.assertj.core.groups.Tuple.tuple("f2", false));
        assertThat(faults.heldBy("ctl-a")).isEmpty();
        assertThat(faults.heldBy("ctl-b")).extracting(FaultStatus::name).containsExactly("f3");
    }

    @Test
    void shouldRemoveAFaultWhoseLeaseLapsedAndForgetIt() throws Exception {
        create("f1", "ctl-a", "{}");
        clock.advance(Duration.ofSeconds(10));
        assertThat(leases.reapExpired()).extracting(Removal::name).containsExactly("f1");
        assertThat(LOG).containsExactly("apply f1", "remove f1");
        assertThat(faults.list()).isEmpty();
        assertThat(faults.renew("ctl-a")).isEmpty();
        assertThatThrownBy(() -> faults.stop("f1")).isInstanceOf(FaultRefused.Unknown.class);
    }

    @Test
    void shouldRefuseANameInUseAndFreeItOnceStopped() throws Exception {
        create("f1", "ctl-a", "{}");
        assertThatThrownBy(() -> create("f1", "ctl-b", "{}")).isInstanceOf(FaultRefused.NameInUse.class);
        assertThat(faults.stop("f1").verified()).isTrue();
        create("f1", "ctl-b", "{}");
        assertThat(LOG).containsExactly("apply f1", "remove f1", "apply f1");
    }

    @Test
    void shouldLeaveNothingBehindWhenApplyingIsRefused() throws Exception {
        assertThatThrownBy(() -> create("f1", "ctl-a", "{\"fail\": true}")).isInstanceOf(FaultRefused.NotAllowed.class);
        assertThat(faults.list()).isEmpty();
        assertThat(leases.snapshot()).isEmpty();
        create("f1", "ctl-a", "{}");
        assertThat(faults.list()).hasSize(1);
    }

    @Test
    void shouldRemoveEveryFaultWhenClosed() throws Exception {
        create("f1", "ctl-a", "{}");
        create("f2", "ctl-b", "{}");
        faults.close();
        assertThat(LOG).containsExactlyInAnyOrder("apply f1", "apply f2", "remove f1", "remove f2");
    }
}
