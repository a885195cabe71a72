package dev.faultline.safety.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.CheckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private static Approval approval(String who, ApprovalDecision decision, int revision, int secondsAfter) {
        return new Approval("exp-1", revision, who, decision, "", T0.plusSeconds(secondsAfter));
    }

    private static CheckResult production(List<Approval> approvals) {
        return ApprovalRule.check(Plans.production(0.1), "alice", Optional.of(Policies.PRODUCTION), Policies.demo(), approvals);
    }

    @Test
    void shouldNotRequireApprovalForALowRiskStagingPlan() {
        CheckResult result = ApprovalRule.check(Plans.staging(0.5), "alice", Optional.of(Policies.STAGING),
                Policies.demo(), List.of());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);
    }

    @Test
    void shouldRequireApprovalForALargeBlastRadiusInStaging() {
        CheckResult result = ApprovalRule.check(Plans.staging(1.0), "alice", Optional.of(Policies.STAGING),
                Policies.demo(), List.of());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("traffic share 1.0 is above 0.5");
    }

    @Test
    void shouldFailProductionWithoutApproval() {
        CheckResult result = production(List.of());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("PRODUCTION always requires an approval").contains("bob, carol");
    }

    @Test
    void shouldPassProductionApprovedByAnAuthorizedApprover() {
        CheckResult result = production(List.of(approval("bob", ApprovalDecision.APPROVED, 1, 1)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.details()).containsEntry("approvedBy", "bob");
    }

    @Test
    void shouldIgnoreTheProposersUnauthorizedAndOtherRevisionsApprovals() {
        CheckResult result = production(List.of(approval("alice", ApprovalDecision.APPROVED, 1, 1),
                approval("mallory", ApprovalDecision.APPROVED, 1, 2), approval("bob", ApprovalDecision.APPROVED, 2, 3)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldTreatADenialAsAVetoUntilChanged() {
        List<Approval> denied = List.of(approval("bob", ApprovalDecision.APPROVED, 1, 1),
                approval("carol", ApprovalDecision.DENIED, 1, 2));
        assertThat(production(denied).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(production(denied).reason()).contains("denied by carol");
        List<Approval> changed = List.of(approval("carol", ApprovalDecision.DENIED, 1, 1),
                approval("carol", ApprovalDecision.APPROVED, 1, 5));
        assertThat(production(changed).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldRefuseUnauthorizedApproversAndTheProposer() {
        assertThat(ApprovalRule.refusal("mallory", "alice", Policies.demo())).hasValueSatisfying(r ->
                assertThat(r).contains("not an authorized approver"));
        assertThat(ApprovalRule.refusal("bob", "bob", Policies.demo())).hasValueSatisfying(r ->
                assertThat(r).contains("must not be the proposer"));
        assertThat(ApprovalRule.refusal("carol", "alice", Policies.demo())).isEmpty();
    }
}
