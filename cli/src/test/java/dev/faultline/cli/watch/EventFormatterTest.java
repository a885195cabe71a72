package dev.faultline.cli.watch;

import static dev.faultline.cli.watch.Events.AT;
import static dev.faultline.cli.watch.Events.header;
import static dev.faultline.cli.watch.Events.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFormatterTest {

    private final EventFormatter formatter = new EventFormatter();

    @Test
    void shouldShowRunningFiguresPerProbeAcrossEvidenceBatches() {
        formatter.lines(evidence(0, List.of(sample("product-reads", 5, 200), sample("order-writes", 1201, 503))));
        List<String> lines = formatter.lines(evidence(1, List.of(sample("product-reads", 1203, 200),
                sample("order-writes", 1202, 503))));

        assertThat(lines).containsExactly("10:00:00.000  evidence    #1   DURING "
                + "product-reads n=2 p99 1203 ms failed 0% 503 0% | order-writes n=2 p99 1202 ms failed 100% 503 100%");
    }

    @Test
    void shouldListEveryPreflightCheckUnderABlock() {
        PreflightBlocked blocked = PreflightBlocked.newBuilder().setHeader(header("exp-1", "safety-service")).setRevision(1)
                .setSummary("approval required").setChecks(List.of(
                        check(PreflightCheckKind.BLAST_RADIUS_POLICY, CheckOutcome.PASSED, "0.2 <= 0.25"),
                        check(PreflightCheckKind.APPROVAL, CheckOutcome.FAILED, "PRODUCTION needs a named approver")))
                .build();

        List<String> lines = formatter.lines(new StreamedEvent("faultline.safety", "exp-1", blocked));

        assertThat(lines.get(0)).isEqualTo("10:00:00.000  preflight   BLOCKED: approval required");
        assertThat(lines.get(2)).contains("APPROVAL", "FAILED", "PRODUCTION needs a named approver");
    }

    @Test
    void shouldSayWhenADeferredExperimentIsScheduledFor() {
        ExperimentScheduled scheduled = ExperimentScheduled.newBuilder().setHeader(header("exp-1", "safety-service"))
                .setRevision(1).setEnvironment(Environment.STAGING)
                .setWindowStart(Instant.parse("2026-12-07T10:00:00Z")).setWindowEnd(Instant.parse("2026-12-07T12:00:00Z"))
                .setDeferred(true).setReason("the window the proposal asked for").build();

        List<String> lines = formatter.lines(new StreamedEvent("faultline.safety", "exp-1", scheduled));

        assertThat(lines.get(0)).contains("scheduled for 2026-12-07T10:00:00Z (window until 2026-12-07T12:00:00Z)",
                "the window the proposal asked for");
    }

    @Test
    void shouldShowTheStopReasonAndGuardrail() {
        InjectionStopped stopped = InjectionStopped.newBuilder().setHeader(header("exp-1", "injector-service"))
                .setInjectionId(UUID.randomUUID()).setReason(StopReason.GUARDRAIL).setGuardrailId("reads-failing")
                .setObserved(0.9).setDetail("").setStartedAt(AT).setStoppedAt(AT.plusMillis(4200))
                .setRollbackVerified(true).setEvidenceBatches(9L).build();

        assertThat(formatter.lines(new StreamedEvent("faultline.injections", "exp-1", stopped))).containsExactly(
                "10:00:00.000  stopped     GUARDRAIL after 4.2 s (guardrail reads-failing, observed 0.900); "
                        + "rollback verified, 9 evidence batches");
    }

    @Test
    void shouldSayWhyTheInjectorRefusedAClearance() {
        InjectionRefused refused = InjectionRefused.newBuilder().setHeader(header("exp-1", "injector-service"))
                .setInjectionId(UUID.randomUUID()).setClearanceId(UUID.randomUUID()).setRevision(1)
                .setEnvironment(Environment.STAGING).setService("storefront").setFault(null)
                .setReason(RefusalReason.REHEARSAL_FAILED).setDetail("agent at http://shop-1:8479 did not answer")
                .setEvidenceBatches(4).build();

        assertThat(formatter.lines(new StreamedEvent("faultline.injections", "exp-1", refused))).containsExactly(
                "10:00:00.000  refused     REHEARSAL_FAILED by the injector, nothing injected: agent at http://shop-1:8479"
                        + " did not answer");
    }

    @Test
    void shouldShowEachPredictionResultOfAVerdict() {
        VerdictIssued verdict = VerdictIssued.newBuilder().setHeader(header("exp-1", "analysis-service")).setRevision(1)
                .setService("storefront").setFaultType(FaultType.NETWORK_BLACKHOLE).setEnvironment(Environment.STAGING)
                .setOutcome(VerdictOutcome.PARTIALLY_HELD).setInjectionId(null).setStopReason(StopReason.COMPLETED)
                .setResults(List.of(PredictionResult.newBuilder().setPredictionId("reads-p99").setStatistic(Statistic.P99_LATENCY)
                        .setComparator(ComparisonOperator.LESS_THAN).setThreshold(800).setUnit(MeasureUnit.MILLISECONDS)
                        .setObserved(1204.5).setSampleCount(140).setRequiredSamples(100)
                        .setOutcome(PredictionOutcome.NOT_HELD).setExplanation("").build()))
                .setSampleCount(400).setSummary("3 of 4 predictions held")
                .setFollowUps(List.of(FollowUp.newBuilder().setKind(FollowUpKind.FIX_SYSTEM)
                        .setDescription("serve stale while revalidating").build())).build();

        List<String> lines = formatter.lines(new StreamedEvent("faultline.verdicts", "exp-1", verdict));

        assertThat(lines.get(0)).isEqualTo("10:00:00.000  verdict     PARTIALLY_HELD (stop COMPLETED): 3 of 4 predictions held");
        assertThat(lines.get(1).strip()).isEqualTo(
                "reads-p99            NOT_HELD     observed 1204.5 ms vs < 800 ms (140 samples, 100 needed)");
        assertThat(lines.get(2).strip()).isEqualTo("follow-up FIX_SYSTEM: serve stale while revalidating");
    }

    @Test
    void shouldListTheFindingsOfARejection() {
        HypothesisRejected rejected = HypothesisRejected.newBuilder().setHeader(header("exp-9", "hypothesis-service"))
                .setRevision(null).setFindings(List.of(LintFinding.newBuilder().setRule(LintRule.NO_TEMPLATE)
                        .setMessage("no template for unknown-service").setPath("service").build())).build();

        assertThat(formatter.lines(new StreamedEvent("faultline.hypotheses", "exp-9", rejected))).containsExactly(
                "10:00:00.000  rejected    1 finding(s)",
                "                          NO_TEMPLATE: no template for unknown-service (service)");
    }

    private static StreamedEvent evidence(long sequence, List<dev.faultline.schemas.avro.ProbeSample> samples) {
        return new StreamedEvent("faultline.evidence", "exp-1", EvidenceCaptured.newBuilder()
                .setHeader(header("exp-1", "injector-service")).setInjectionId(null).setSequence(sequence)
                .setPhase(ExperimentPhase.DURING).setSamples(samples).setReferences(List.of()).build());
    }

    private static PreflightCheckResult check(PreflightCheckKind kind, CheckOutcome outcome, String reason) {
        return PreflightCheckResult.newBuilder().setKind(kind).setOutcome(outcome).setReason(reason).setDetails(Map.of())
                .setCheckedAt(AT).build();
    }
}
