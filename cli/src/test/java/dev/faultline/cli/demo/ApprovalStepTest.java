package dev.faultline.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalStepTest {

    @Test
    void shouldSignOffOnlyWhenTheApprovalIsAllThatIsMissing() {
        assertThat(ApprovalStep.onlyApprovalMissing(blocked(
                check(PreflightCheckKind.APPROVAL, CheckOutcome.FAILED),
                check(PreflightCheckKind.BASELINE_HEALTH, CheckOutcome.PASSED)))).isTrue();
    }

    @Test
    void shouldLeaveAnyOtherBlockStanding() {
        assertThat(ApprovalStep.onlyApprovalMissing(blocked(
                check(PreflightCheckKind.APPROVAL, CheckOutcome.FAILED),
                check(PreflightCheckKind.TIME_WINDOW, CheckOutcome.FAILED)))).isFalse();
        assertThat(ApprovalStep.onlyApprovalMissing(blocked(
                check(PreflightCheckKind.APPROVAL, CheckOutcome.PASSED)))).isFalse();
    }

    private static PreflightBlocked blocked(PreflightCheckResult... checks) {
        return PreflightBlocked.newBuilder().setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID())
                        .setExperimentId("exp-1").setOccurredAt(Instant.EPOCH)
                        .setActor(Actor.newBuilder().setKind(ActorKind.SERVICE).setId("safety-service").setDisplayName(null).build())
                        .setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setRevision(1).setSummary("blocked").setChecks(List.of(checks)).build();
    }

    private static PreflightCheckResult check(PreflightCheckKind kind, CheckOutcome outcome) {
        return PreflightCheckResult.newBuilder().setKind(kind).setOutcome(outcome).setReason("r").setDetails(Map.of())
                .setCheckedAt(Instant.EPOCH).build();
    }
}
