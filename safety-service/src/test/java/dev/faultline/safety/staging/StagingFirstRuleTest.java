package dev.faultline.safety.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** STAGING_FIRST for the fixture plan: storefront under NETWORK_BLACKHOLE from template dependency-unreachable. */
class StagingFirstRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofDays(30);

    private static StagingFirstRule.StagingRun run(String experimentId, VerdictOutcome outcome, Duration ago,
                                                   String templateId) {
        return new StagingFirstRule.StagingRun(new StagingVerdict(experimentId, 1, Environment.STAGING, "storefront",
                FaultType.NETWORK_BLACKHOLE, outcome, NOW.minus(ago)), templateId);
    }

    private static CheckResult production(StagingFirstRule.StagingRun... staging) {
        return StagingFirstRule.check(Plans.production(0.1), Optional.of(Policies.PRODUCTION), MAX_AGE, NOW,
                List.of(staging));
    }

    @Test
    void shouldBlockProductionWhenTheFailureModeNeverRanInStaging() {
        CheckResult result = production();

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("storefront under NETWORK_BLACKHOLE (template dependency-unreachable) has"
                + " no verdict in STAGING: run it in staging first");
    }

    @Test
    void shouldNotCountAnAbortedOrInconclusiveRunNorAnotherTemplate() {
        CheckResult result = production(run("exp-a", VerdictOutcome.ABORTED, Duration.ofHours(1), "dependency-unreachable"),
                run("exp-i", VerdictOutcome.INCONCLUSIVE, Duration.ofHours(2), "dependency-unreachable"),
                run("exp-o", VerdictOutcome.ALL_HELD, Duration.ofHours(3), "dependency-flapping"));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("no verdict in STAGING (only exp-a ABORTED at 2026-11-26T11:00:00Z,"
                + " exp-i INCONCLUSIVE at 2026-11-26T10:00:00Z, which judged nothing)");
    }

    @Test
    void shouldBlockWhenTheNewestStagingVerdictIsOlderThanMaxAge() {
        CheckResult result = production(run("exp-old", VerdictOutcome.ALL_HELD, Duration.ofDays(45),
                "dependency-unreachable"));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("is 45 days old, older than the 30 days allowed: run it in staging again");
    }

    @Test
    void shouldPassOnARecentJudgedStagingVerdictWhateverItsOutcome() {
        CheckResult result = production(run("exp-s", VerdictOutcome.NONE_HELD, Duration.ofDays(2), "dependency-unreachable"),
                run("exp-t", VerdictOutcome.ABORTED, Duration.ofHours(1), "dependency-unreachable"));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("storefront under NETWORK_BLACKHOLE (template dependency-unreachable) ran"
                + " in staging: exp-s NONE_HELD at 2026-11-24T12:00:00Z");
        assertThat(result.details()).containsEntry("stagingExperiment", "exp-s");
    }

    @Test
    void shouldNotApplyWhereThePolicyDoesNotAskForIt() {
        assertThat(StagingFirstRule.check(Plans.staging(0.5), Optional.of(Policies.STAGING), MAX_AGE, NOW, List.of())
                .outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);
    }
}
