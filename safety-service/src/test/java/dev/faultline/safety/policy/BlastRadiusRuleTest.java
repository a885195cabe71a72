package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlastRadiusRuleTest {

    @Test
    void shouldPassAWholeTrafficExperimentInStaging() {
        CheckResult result = BlastRadiusRule.check(Plans.staging(1.0), Optional.of(Policies.STAGING));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.details()).containsEntry("maxTrafficShare", "1.0");
    }

    @Test
    void shouldFailMoreThanProductionsMaximumShare() {
        CheckResult result = BlastRadiusRule.check(Plans.production(0.5), Optional.of(Policies.PRODUCTION));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("0.5 exceeds PRODUCTION's maximum of 0.25");
    }

    @Test
    void shouldPassTheMaximumItself() {
        assertThat(BlastRadiusRule.check(Plans.production(0.25), Optional.of(Policies.PRODUCTION)).outcome())
                .isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldFailAnEnvironmentWithoutPolicy() {
        CheckResult result = BlastRadiusRule.check(Plans.plan(Environment.UNKNOWN, 0.1, List.of()), Optional.empty());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("has no safety policy");
    }

    @Test
    void shouldFailAShareOutsideZeroToOne() {
        assertThat(BlastRadiusRule.check(Plans.staging(0), Optional.of(Policies.STAGING)).outcome())
                .isEqualTo(CheckOutcome.FAILED);
    }
}
