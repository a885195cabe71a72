package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.CheckOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BLAST_BUDGET against the demo envelope: production's budget is 0.5 of traffic summed over running experiments. */
class BlastBudgetRuleTest {

    private static final BlastBudgetRule.Running CHECKOUT = new BlastBudgetRule.Running("exp-checkout", "checkout", 0.2);
    private static final BlastBudgetRule.Running SEARCH = new BlastBudgetRule.Running("exp-search", "search", 0.15);

    @Test
    void shouldBlockWhenTheRunningExperimentsAndThisOneExceedTheBudgetNamingThemAndTheNumbers() {
        CheckResult result = BlastBudgetRule.check(Plans.production(0.2), Optional.of(Policies.PRODUCTION),
                List.of(CHECKOUT, SEARCH));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("running exp-checkout on checkout (0.20), exp-search on search (0.15)"
                + " + this plan's 0.20 = 0.55 exceeds PRODUCTION's blast budget of 0.50 (traffic share summed over the"
                + " experiments injecting at once)");
        assertThat(result.details()).containsEntry("total", "0.55").containsEntry("blastBudget", "0.50");
    }

    @Test
    void shouldPassWhenTheSumStaysWithinTheBudgetExactlyFillingItIncluded() {
        CheckResult result = BlastBudgetRule.check(Plans.production(0.15), Optional.of(Policies.PRODUCTION),
                List.of(CHECKOUT, SEARCH));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).endsWith("= 0.50 is within PRODUCTION's blast budget of 0.50");
    }

    @Test
    void shouldPassAloneAndNotApplyWhereThereIsNoBudget() {
        assertThat(BlastBudgetRule.check(Plans.production(0.25), Optional.of(Policies.PRODUCTION), List.of()).reason())
                .isEqualTo("no other experiment is injecting in PRODUCTION; this plan's 0.25 is within PRODUCTION's"
                        + " blast budget of 0.50");
        assertThat(BlastBudgetRule.check(Plans.staging(1.0), Optional.of(Policies.STAGING), List.of(CHECKOUT)).outcome())
                .isEqualTo(CheckOutcome.NOT_REQUIRED);
    }
}
