package dev.faultline.injector.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.injector.Fixtures;
import dev.faultline.kit.clearance.ClearanceVerifier;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** With real Ed25519 keys: safety-service's ({@link Fixtures#KEYS}) and others'. */
class ClearanceCheckTest {

    private final ClearanceCheck check = new ClearanceCheck(new ClearanceVerifier(Fixtures.KEYS.verifier()));
    private final Optional<Hypothesis> hypothesis = Optional.of(Fixtures.hypothesis(
            Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of()), List.of(), List.of()));
    private final Instant now = Instant.now();

    @Test
    void shouldAcceptAGenuineClearanceForTheApprovedRevision() {
        assertThat(check.rejection(Fixtures.signedPreflight("exp-1", 2), OptionalInt.of(2), hypothesis, now)).isNull();
    }

    @Test
    void shouldRejectAForgedClearance() {
        Clearance forged = Fixtures.signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60)), Fixtures.KEYS);
        forged.setSignature("not-a-signature");
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, forged), OptionalInt.of(1), hypothesis, now))
                .contains("signature does not verify with key 'safety-test'");
        Clearance bySomeoneElse = Fixtures.signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60)),
                ClearanceKeyPair.generate("safety-test"));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, bySomeoneElse), OptionalInt.of(1), hypothesis, now))
                .contains("signature does not verify with key 'safety-test'");
        Clearance unknownKey = Fixtures.signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60)),
                ClearanceKeyPair.generate("rogue"));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, unknownKey), OptionalInt.of(1), hypothesis, now))
                .contains("key id 'rogue', which is not one of the known keys [safety-test]");
        Clearance unsigned = Fixtures.clearance(1, now.plusSeconds(60));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, unsigned), OptionalInt.of(1), hypothesis, now))
                .contains("is not signed");
    }

    @Test
    void shouldRejectAClearanceSignedForAnotherExperimentOrExpired() {
        Clearance other = Fixtures.signed("exp-2", Fixtures.clearance(1, now.plusSeconds(60)), Fixtures.KEYS);
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, other), OptionalInt.of(1), hypothesis, now))
                .contains("does not verify");
        Clearance expired = Fixtures.signed("exp-1", Fixtures.clearance(1, now.minusSeconds(1)), Fixtures.KEYS);
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, expired), OptionalInt.of(1), hypothesis, now))
                .contains("expired");
    }

    @Test
    void shouldRejectAClearanceIssuedTooLongAgo() {
        Clearance old = Fixtures.clearance(1, now.plusSeconds(600));
        old.setIssuedAt(now.minusSeconds(120));
        PreflightPassed passed = Fixtures.preflightPassed("exp-1", 1, Fixtures.signed("exp-1", old, Fixtures.KEYS));
        assertThat(check.rejection(passed, OptionalInt.of(1), hypothesis, now)).isNull();
        assertThat(ClearanceCheck.staleness(passed, now, java.time.Duration.ofSeconds(60))).contains("issued 120 s ago");
        assertThat(ClearanceCheck.staleness(Fixtures.signedPreflight("exp-1", 1), now, java.time.Duration.ofSeconds(60))).isNull();
    }

    @Test
    void shouldRejectARevisionThatIsNotTheApprovedOne() {
        PreflightPassed passed = Fixtures.signedPreflight("exp-1", 1);
        assertThat(check.rejection(passed, OptionalInt.of(2), hypothesis, now)).contains("revision 1 is not the approved revision 2");
        assertThat(check.rejection(passed, OptionalInt.empty(), hypothesis, now)).contains("no PlanApproved");
        assertThat(check.rejection(passed, OptionalInt.of(1), Optional.empty(), now)).contains("was never drafted");
        PreflightPassed mismatched = Fixtures.preflightPassed("exp-1", 2,
                Fixtures.signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60)), Fixtures.KEYS));
        assertThat(check.rejection(mismatched, OptionalInt.of(2), hypothesis, now)).contains("is for revision 1");
    }
}
