package dev.faultline.injector.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.Fixtures;
import dev.faultline.kit.clearance.ClearanceSettings;
import dev.faultline.kit.clearance.ClearanceSigner;
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

class ClearanceCheckTest {

    private final ClearanceSigner signer = new ClearanceSigner(new ClearanceSettings(Fixtures.SECRET));
    private final ClearanceCheck check = new ClearanceCheck(signer);
    private final Optional<Hypothesis> hypothesis = Optional.of(Fixtures.hypothesis(
            Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of()), List.of(), List.of()));
    private final Instant now = Instant.now();

    @Test
    void shouldAcceptAGenuineClearanceForTheApprovedRevision() {
        assertThat(check.rejection(Fixtures.signedPreflight("exp-1", 2), OptionalInt.of(2), hypothesis, now)).isNull();
    }

    @Test
    void shouldRejectAForgedClearance() {
        Clearance forged = Fixtures.clearance(1, now.plusSeconds(60));
        forged.setSignature("not-a-signature");
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, forged), OptionalInt.of(1), hypothesis, now))
                .contains("invalid signature");
        Clearance bySomeoneElse = new ClearanceSigner(new ClearanceSettings("another-secret-of-16-chars"))
                .signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60)));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, bySomeoneElse), OptionalInt.of(1), hypothesis, now))
                .contains("invalid signature");
        Clearance unsigned = Fixtures.clearance(1, now.plusSeconds(60));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, unsigned), OptionalInt.of(1), hypothesis, now))
                .contains("is not signed");
    }

    @Test
    void shouldRejectAClearanceSignedForAnotherExperimentOrExpired() {
        Clearance other = signer.signed("exp-2", Fixtures.clearance(1, now.plusSeconds(60)));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, other), OptionalInt.of(1), hypothesis, now))
                .contains("invalid signature");
        Clearance expired = signer.signed("exp-1", Fixtures.clearance(1, now.minusSeconds(1)));
        assertThat(check.rejection(Fixtures.preflightPassed("exp-1", 1, expired), OptionalInt.of(1), hypothesis, now))
                .contains("expired");
    }

    @Test
    void shouldRejectAClearanceIssuedTooLongAgo() {
        Clearance old = Fixtures.clearance(1, now.plusSeconds(600));
        old.setIssuedAt(now.minusSeconds(120));
        PreflightPassed passed = Fixtures.preflightPassed("exp-1", 1, signer.signed("exp-1", old));
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
        PreflightPassed mismatched = Fixtures.preflightPassed("exp-1", 2, signer.signed("exp-1", Fixtures.clearance(1, now.plusSeconds(60))));
        assertThat(check.rejection(mismatched, OptionalInt.of(2), hypothesis, now)).contains("is for revision 1");
    }
}
