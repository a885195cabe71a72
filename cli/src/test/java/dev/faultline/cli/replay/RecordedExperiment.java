package dev.faultline.cli.replay;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;

import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Verdict;
import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/**
 * A complete recorded experiment, built as the services write it: proposal, hypothesis, review approval, approver's
 * sign-off, a preflight with a clearance signed by a real Ed25519 key, the fault, the design's example evidence
 * (38 one-second batches), the stop, and the verdict the evaluation module computes from that evidence.
 */
public final class RecordedExperiment {

    public final String experimentId;
    final UUID clearanceId;
    final UUID injectionId;
    final Hypothesis hypothesis;
    final List<EvidenceCaptured> evidence;
    final InjectionStarted started;
    final InjectionStopped stopped;
    public final Verdict verdict;
    private final ClearanceKeyPair signer;

    /** The design's example: 38 one-second batches of 7 samples, a 30 s fault. */
    public RecordedExperiment(String experimentId, ClearanceKeyPair signer) {
        this(experimentId, signer, UUID.randomUUID(), 30, EvaluationFixtures::exampleEvidence);
    }

    private RecordedExperiment(String experimentId, ClearanceKeyPair signer, UUID clearanceId, int faultSeconds,
                               BiFunction<String, UUID, List<EvidenceCaptured>> evidence) {
        this.experimentId = experimentId;
        this.signer = signer;
        this.clearanceId = clearanceId;
        this.injectionId = ClearanceClaims.injectionIdOf(clearanceId);
        this.hypothesis = EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions());
        this.evidence = evidence.apply(experimentId, injectionId);
        InjectionStarted start = EvaluationFixtures.started(experimentId, injectionId, 1, T0, T0.plusSeconds(90));
        start.setClearanceId(clearanceId);
        this.started = start;
        this.stopped = EvaluationFixtures.stopped(experimentId, injectionId, StopReason.COMPLETED, T0,
                T0.plusSeconds(faultSeconds), (long) this.evidence.size());
        this.verdict = Evaluator.evaluate(hypothesis, 1, this.evidence, started, stopped);
    }

    /**
     * An experiment with {@code batches} one-second batches of 20 samples, as the injector publishes them by default
     * (16 product reads, one in eight slow during the fault, and 4 order writes): 5 s before, 3 s after, the fault
     * in between.
     */
    static RecordedExperiment withBatches(String experimentId, ClearanceKeyPair signer, int batches) {
        int during = Math.max(1, batches - 8);
        return new RecordedExperiment(experimentId, signer, UUID.randomUUID(), during, (id, injection) -> {
            List<EvidenceCaptured> evidence = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                int second = b - 5;
                ExperimentPhase phase = second < 0 ? ExperimentPhase.BEFORE
                        : second < during ? ExperimentPhase.DURING : ExperimentPhase.AFTER;
                List<ProbeSample> samples = new ArrayList<>(20);
                for (int i = 0; i < 16; i++) {
                    boolean slow = phase == ExperimentPhase.DURING && i % 8 == 0;
                    samples.add(EvaluationFixtures.sample("product-reads", T0.plusMillis(second * 1000L + i * 60L),
                            slow ? 1203 : 12 + i, 200, true));
                }
                for (int i = 0; i < 4; i++) {
                    Instant at = T0.plusMillis(second * 1000L + i * 250L + 30);
                    samples.add(phase == ExperimentPhase.DURING
                            ? EvaluationFixtures.sample("order-writes", at, 3, 503, false, "Retry-After", "content-type")
                            : EvaluationFixtures.sample("order-writes", at, 20, 201, true, "content-type"));
                }
                evidence.add(EvaluationFixtures.batch(id, injection, b, phase, samples));
            }
            return evidence;
        });
    }

    /** The events in the order the services publish them; {@code tamper} alters the evidence batches published. */
    public List<SpecificRecord> events(UnaryOperator<EvidenceCaptured> tamper) {
        List<SpecificRecord> events = new ArrayList<>();
        events.add(ExperimentProposed.newBuilder().setHeader(header(T0.minusSeconds(600), ActorKind.PERSON, "paula"))
                .setService("storefront").setFaultType(FaultType.NETWORK_BLACKHOLE).setDependency("pricing")
                .setEnvironment(Environment.STAGING).setReason(ProposalReason.ROUTINE).setMotivation("replay test")
                .setIncidentId(null).setRequestedDurationMillis(30_000L).setLabels(Map.of()).build());
        events.add(EvaluationFixtures.drafted(experimentId, 1, hypothesis));
        events.add(PlanApproved.newBuilder().setHeader(header(T0.minusSeconds(300), ActorKind.SERVICE, "hypothesis-service"))
                .setRevision(1).setReviewers(List.of(actor(ActorKind.PERSON, "rita"))).build());
        events.add(ApprovalRecorded.newBuilder().setHeader(header(T0.minusSeconds(200), ActorKind.PERSON, "alice"))
                .setRevision(1).setApprover(actor(ActorKind.PERSON, "alice")).setDecision(ApprovalDecision.APPROVED)
                .setEnvironment(Environment.STAGING).setValidUntil(null).setComment("go").build());
        events.add(PreflightPassed.newBuilder().setHeader(header(T0.minusSeconds(10), ActorKind.SERVICE, "safety-service"))
                .setRevision(1).setClearance(clearance()).setChecks(List.of(PreflightCheckResult.newBuilder()
                        .setKind(PreflightCheckKind.BASELINE_HEALTH).setOutcome(CheckOutcome.PASSED)
                        .setReason("p99 210 ms within the norm").setDetails(Map.of("baselineP99Millis", "210",
                                "normP99Millis", "190")).setCheckedAt(T0.minusSeconds(11)).build())).build());
        events.add(started);
        evidence.forEach(batch -> events.add(tamper.apply(EvidenceCaptured.newBuilder(batch).build())));
        events.add(stopped);
        events.add(issued());
        return events;
    }

    private Clearance clearance() {
        ClearanceClaims claims = signer.signer().sign(ClearanceClaims.unsigned(experimentId, clearanceId.toString(), 1,
                Environment.STAGING.name(), T0.minusSeconds(10), T0.plusSeconds(80)));
        return Clearance.newBuilder().setClearanceId(clearanceId).setHypothesisRevision(1)
                .setEnvironment(Environment.STAGING).setIssuedAt(claims.issuedAt()).setExpiresAt(claims.expiresAt())
                .setSignature(claims.signature()).setKeyId(claims.keyId()).setOnCall(null).build();
    }

    private VerdictIssued issued() {
        return VerdictIssued.newBuilder().setHeader(header(T0.plusSeconds(40), ActorKind.SERVICE, "analysis-service"))
                .setRevision(verdict.revision()).setService(verdict.service()).setFaultType(verdict.faultType())
                .setEnvironment(verdict.environment()).setOutcome(verdict.outcome()).setInjectionId(verdict.injectionId())
                .setStopReason(verdict.stopReason()).setResults(verdict.results()).setSampleCount(verdict.sampleCount())
                .setFollowUps(verdict.followUps()).setSummary(verdict.summary()).build();
    }

    /** The batch at {@code sequence} with every product-reads sample failed: what a tamperer might publish. */
    static UnaryOperator<EvidenceCaptured> failReadsIn(long sequence) {
        return batch -> {
            if (batch.getSequence() == sequence) {
                List<ProbeSample> altered = new ArrayList<>();
                for (ProbeSample sample : batch.getSamples()) {
                    ProbeSample copy = ProbeSample.newBuilder(sample).build();
                    if (copy.getProbeId().equals("product-reads")) {
                        copy.setOk(false);
                        copy.setStatus(500);
                    }
                    altered.add(copy);
                }
                batch.setSamples(altered);
            }
            return batch;
        };
    }

    private EventHeader header(Instant at, ActorKind kind, String who) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(experimentId).setOccurredAt(at)
                .setActor(actor(kind, who)).setCausationId(null).setTraceparent(null).setTracestate(null).build();
    }

    private static Actor actor(ActorKind kind, String id) {
        return Actor.newBuilder().setKind(kind).setId(id).setDisplayName(null).build();
    }
}
