package dev.faultline.catalog.streams;

import dev.faultline.kit.events.Actors;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.avro.ReviewDecision;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.TargetKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Workflow events of the example experiment (storefront, NETWORK_BLACKHOLE on its link to pricing, STAGING). */
public final class TestEvents {

    public static final String SERVICE = "storefront";
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private TestEvents() {
    }

    public static EventHeader header(String experimentId, Instant at) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(experimentId).setOccurredAt(at)
                .setActor(Actors.service("test")).setTraceparent("00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01")
                .build();
    }

    public static ExperimentProposed proposed(String id, Instant at) {
        EventHeader header = header(id, at);
        header.setActor(Actors.person("demo-user"));
        return ExperimentProposed.newBuilder().setHeader(header).setService(SERVICE)
                .setFaultType(FaultType.NETWORK_BLACKHOLE).setDependency("pricing").setEnvironment(Environment.STAGING)
                .setReason(ProposalReason.ROUTINE).setMotivation("pricing outages").setLabels(Map.of()).build();
    }

    public static HypothesisDrafted drafted(String id, int revision, Instant at) {
        FaultSpec scenario = FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_BLACKHOLE).setTarget(target())
                .setDirection(FaultDirection.UPSTREAM).setToxicity(1.0).setDurationMillis(30_000).setParameters(Map.of())
                .build();
        Hypothesis hypothesis = Hypothesis.newBuilder().setTitle("storefront survives pricing unreachable")
                .setService(SERVICE).setScenario(scenario).setProbes(List.of()).setPredictions(List.of())
                .setBlastRadius(BlastRadius.newBuilder().setEnvironment(Environment.STAGING)
                        .setTargets(List.of("storefront->pricing")).setDownstream(List.of(SERVICE)).setTrafficShare(1.0).build())
                .setGuardrails(List.of()).setRiskLevel(RiskLevel.MEDIUM).setRationale("template").build();
        return HypothesisDrafted.newBuilder().setHeader(header(id, at)).setRevision(revision).setHypothesis(hypothesis)
                .setWarnings(List.of()).build();
    }

    public static HypothesisRejected rejected(String id, Instant at) {
        return HypothesisRejected.newBuilder().setHeader(header(id, at)).setFindings(List.of(LintFinding.newBuilder()
                .setRule(LintRule.values()[1]).setMessage("no measurable prediction").build())).build();
    }

    public static PlanReviewed reviewed(String id, int revision, ReviewDecision decision, Instant at) {
        return PlanReviewed.newBuilder().setHeader(header(id, at)).setRevision(revision)
                .setReviewer(Actors.person("alice")).setDecision(decision).setComments(List.of()).build();
    }

    public static PlanApproved approved(String id, int revision, Instant at) {
        return PlanApproved.newBuilder().setHeader(header(id, at)).setRevision(revision)
                .setReviewers(List.of(Actors.person("alice"))).build();
    }

    /** Safety-service deferred revision 2 to a window that starts at {@code start}. */
    public static ExperimentScheduled deferred(String id, Instant start, Instant at) {
        return ExperimentScheduled.newBuilder().setHeader(header(id, at)).setRevision(2).setEnvironment(Environment.STAGING)
                .setWindowStart(start).setWindowEnd(start.plusSeconds(3600)).setDeferred(true)
                .setReason("the window the proposal asked for").build();
    }

    public static PreflightBlocked blocked(String id, Instant at) {
        return PreflightBlocked.newBuilder().setHeader(header(id, at)).setRevision(2).setChecks(List.of())
                .setSummary("APPROVAL: production needs a named approver").build();
    }

    public static ApprovalRecorded signedOff(String id, Instant at) {
        return ApprovalRecorded.newBuilder().setHeader(header(id, at)).setRevision(2).setApprover(Actors.person("bob"))
                .setDecision(ApprovalDecision.APPROVED).setEnvironment(Environment.STAGING).setComment("ok").build();
    }

    public static PreflightPassed passed(String id, Instant at) {
        Clearance clearance = Clearance.newBuilder().setClearanceId(UUID.randomUUID()).setHypothesisRevision(2)
                .setEnvironment(Environment.STAGING).setIssuedAt(at).setExpiresAt(at.plusSeconds(600)).build();
        return PreflightPassed.newBuilder().setHeader(header(id, at)).setRevision(2).setClearance(clearance)
                .setChecks(List.of()).build();
    }

    public static InjectionStarted started(String id, UUID injectionId, Instant at) {
        FaultSpec fault = FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_BLACKHOLE).setTarget(target())
                .setDirection(FaultDirection.UPSTREAM).setToxicity(1.0).setDurationMillis(30_000).setParameters(Map.of())
                .build();
        return InjectionStarted.newBuilder().setHeader(header(id, at)).setRevision(2).setInjectionId(injectionId)
                .setClearanceId(UUID.randomUUID()).setFault(fault).setController("injector-1")
                .setLeaseExpiresAt(at.plusSeconds(3)).setDeadline(at.plusSeconds(30)).setStopActionVerified(true).build();
    }

    public static EvidenceCaptured evidence(String id, UUID injectionId, long sequence, int samples, Instant at) {
        List<ProbeSample> list = IntStream.range(0, samples).mapToObj(i -> ProbeSample.newBuilder().setProbeId("product-reads")
                .setComponent(SERVICE).setAt(at).setLatencyMillis(12.0).setStatus(200).setOk(true).setHeaders(List.of())
                .build()).toList();
        return EvidenceCaptured.newBuilder().setHeader(header(id, at)).setInjectionId(injectionId).setSequence(sequence)
                .setPhase(ExperimentPhase.DURING).setSamples(list).setReferences(List.of()).build();
    }

    public static InjectionStopped stopped(String id, UUID injectionId, StopReason reason, Instant at) {
        return InjectionStopped.newBuilder().setHeader(header(id, at)).setInjectionId(injectionId).setReason(reason)
                .setDetail("").setStartedAt(at.minusSeconds(30)).setStoppedAt(at).setRollbackVerified(true)
                .setEvidenceBatches(3L).build();
    }

    private static FaultTarget target() {
        return FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService(SERVICE).setDependency("pricing")
                .build();
    }
}
