package dev.faultline.safety.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.schemas.avro.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private static final ApprovalSettings SETTINGS = new ApprovalSettings(Map.of("high", 2), Duration.ofHours(24));
    /** When the rule is checked: an hour after the approvals below, well within their day. */
    private static final Instant NOW = T0.plus(Duration.ofHours(1));

    private static Approval approval(String who, ApprovalDecision decision, int revision, int secondsAfter) {
        Instant at = T0.plusSeconds(secondsAfter);
        return new Approval("exp-1", revision, who, decision, "", at,
                decision == ApprovalDecision.APPROVED ? at.plus(SETTINGS.validFor()) : null);
    }

    private static CheckResult production(List<Approval> approvals) {
        return check(Plans.production(0.1), Policies.PRODUCTION, approvals, NOW);
    }

    private static CheckResult check(Plan plan, EnvironmentPolicy policy, List<Approval> approvals, Instant now) {
        return ApprovalRule.check(plan, "alice", Optional.of(policy), Policies.demo(), approvals, SETTINGS, now, null);
    }

    @Test
    void shouldNotRequireApprovalForALowRiskStagingPlan() {
        CheckResult result = check(Plans.staging(0.5), Policies.STAGING, List.of(), NOW);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);
    }

    @Test
    void shouldRequireApprovalForALargeBlastRadiusInStaging() {
        CheckResult result = check(Plans.staging(1.0), Policies.STAGING, List.of(), NOW);
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
    void shouldRequireTwoDistinctApproversForAHighRiskPlanEvenInStaging() {
        Plan high = Plans.risk(Plans.staging(0.5), RiskLevel.HIGH);

        CheckResult one = check(high, Policies.STAGING, List.of(approval("bob", ApprovalDecision.APPROVED, 1, 1),
                approval("bob", ApprovalDecision.APPROVED, 1, 2)), NOW);
        assertThat(one.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(one.reason()).isEqualTo("HIGH risk needs 2 distinct approvers: revision 1 needs approvals by 2"
                + " distinct approvers of bob, carol who are not the proposer; approved by bob (1 of 2)");

        CheckResult two = check(high, Policies.STAGING, List.of(approval("bob", ApprovalDecision.APPROVED, 1, 1),
                approval("carol", ApprovalDecision.APPROVED, 1, 2)), NOW);
        assertThat(two.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(two.reason()).isEqualTo("revision 1 approved by bob, carol (HIGH risk needs 2 distinct approvers)");
    }

    @Test
    void shouldNotCountAnExpiredApprovalAndSaySo() {
        List<Approval> bobs = List.of(approval("bob", ApprovalDecision.APPROVED, 1, 0));

        assertThat(check(Plans.production(0.1), Policies.PRODUCTION, bobs, T0.plus(Duration.ofHours(23))).outcome())
                .isEqualTo(CheckOutcome.PASSED);
        CheckResult lapsed = check(Plans.production(0.1), Policies.PRODUCTION, bobs, T0.plus(Duration.ofHours(24)));
        assertThat(lapsed.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(lapsed.reason()).endsWith("it has none; bob's approval expired at 2026-11-27T12:00:00Z and must be"
                + " given again");
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
