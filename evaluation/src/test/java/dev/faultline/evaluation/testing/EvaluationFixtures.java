package dev.faultline.evaluation.testing;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Named test fixtures: the example experiment's hypothesis, samples, batches and injection events. */
public class EvaluationFixtures {

    /** When the fault of the fixtures' injection was applied. */
    public static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    protected EvaluationFixtures() {
    }

    public static EventHeader header(String experimentId, Instant at) {
        return EventHeader.newBuilder().setEventId(UUID.nameUUIDFromBytes((experimentId + at).getBytes()))
                .setExperimentId(experimentId).setOccurredAt(at).setActor(Actor.newBuilder().setKind(ActorKind.SERVICE).setId("test").setDisplayName(null).build())
                .setCausationId(null).setTraceparent(null).setTracestate(null).build();
    }

    public static Prediction prediction(String id, String probe, Statistic statistic, ComparisonOperator comparator,
                                        double threshold, MeasureUnit unit, int minSamples) {
        return Prediction.newBuilder().setPredictionId(id).setDescription("prediction " + id).setProbeId(probe)
                .setStatistic(statistic).setStatus(null).setHeader(null).setComparator(comparator)
                .setThreshold(threshold).setUnit(unit).setWindow(window(ExperimentPhase.DURING, 2000, null, minSamples))
                .build();
    }

    public static PredictionWindow window(ExperimentPhase phase, long skip, Long length, int minSamples) {
        return PredictionWindow.newBuilder().setPhase(phase).setSkipFirstMillis(skip).setLengthMillis(length)
                .setMinSamples(minSamples).build();
    }

    /** The four predictions of the design's example experiment, as the built-in template states them. */
    public static List<Prediction> examplePredictions() {
        Prediction orders503 = prediction("orders-503", "order-writes", Statistic.STATUS_SHARE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 35);
        orders503.setStatus(503);
        Prediction retryAfter = prediction("orders-retry-after", "order-writes", Statistic.HEADER_PRESENT_SHARE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 35);
        retryAfter.setHeader("Retry-After");
        return List.of(
                prediction("reads-served", "product-reads", Statistic.SUCCESS_RATE, ComparisonOperator.GREATER_OR_EQUAL,
                        0.9, MeasureUnit.RATIO, 50),
                prediction("reads-p99", "product-reads", Statistic.P99_LATENCY, ComparisonOperator.LESS_THAN, 800,
                        MeasureUnit.MILLISECONDS, 100),
                orders503, retryAfter);
    }

    public static Hypothesis hypothesis(List<Prediction> predictions) {
        FaultSpec scenario = FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_BLACKHOLE)
                .setTarget(FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService("storefront")
                        .setDependency("pricing").setHost(null).setPath(null).setTopic(null).build())
                .setDirection(FaultDirection.UPSTREAM).setToxicity(1.0).setDurationMillis(30_000).setParameters(Map.of())
                .build();
        ProbeSpec reads = ProbeSpec.newBuilder().setProbeId("product-reads").setKind(ProbeKind.HTTP)
                .setTarget("http://127.0.0.1:18080/products/sku-1").setMethod("GET").setIntervalMillis(200)
                .setTimeoutMillis(3000).setRequestHeaders(Map.of()).setComponent("storefront").build();
        Guardrail guardrail = Guardrail.newBuilder().setGuardrailId("reads-failing").setDescription("reads fail")
                .setProbeId("product-reads").setStatistic(Statistic.ERROR_RATE).setStatus(null).setHeader(null)
                .setComparator(ComparisonOperator.GREATER_THAN).setThreshold(0.5).setUnit(MeasureUnit.RATIO)
                .setEvaluationWindowMillis(3000).setSustainMillis(1000).build();
        return Hypothesis.newBuilder().setTitle("Storefront survives an unreachable pricing service")
                .setService("storefront").setScenario(scenario).setProbes(List.of(reads)).setPredictions(predictions)
                .setBlastRadius(BlastRadius.newBuilder().setEnvironment(Environment.STAGING)
                        .setTargets(List.of("storefront→pricing")).setDownstream(List.of("storefront"))
                        .setTrafficShare(1.0).setMaxHosts(null).build())
                .setGuardrails(List.of(guardrail)).setRiskLevel(RiskLevel.MEDIUM).setTemplateId("dependency-unreachable")
                .setRationale("test").build();
    }

    public static HypothesisDrafted drafted(String experimentId, int revision, Hypothesis hypothesis) {
        return HypothesisDrafted.newBuilder().setHeader(header(experimentId, T0.minusSeconds(60))).setRevision(revision)
                .setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build();
    }

    public static ProbeSample sample(String probe, Instant at, double latency, Integer status, boolean ok,
                                     String... headers) {
        return ProbeSample.newBuilder().setProbeId(probe).setComponent("storefront").setAt(at).setLatencyMillis(latency)
                .setStatus(status).setOk(ok).setHeaders(List.of(headers)).setError(ok ? null : "failed").build();
    }

    public static EvidenceCaptured batch(String experimentId, UUID injectionId, long sequence, ExperimentPhase phase,
                                         List<ProbeSample> samples) {
        return EvidenceCaptured.newBuilder().setHeader(header(experimentId, T0.plusSeconds(sequence)))
                .setInjectionId(injectionId).setSequence(sequence).setPhase(phase).setSamples(samples)
                .setReferences(List.of()).build();
    }

    public static InjectionStarted started(String experimentId, UUID injectionId, int revision, Instant at,
                                           Instant deadline) {
        return InjectionStarted.newBuilder().setHeader(header(experimentId, at)).setRevision(revision)
                .setInjectionId(injectionId).setClearanceId(UUID.nameUUIDFromBytes(experimentId.getBytes()))
                .setFault(hypothesis(List.of()).getScenario()).setController("injector-1")
                .setLeaseExpiresAt(at.plusSeconds(3)).setDeadline(deadline).setStopActionVerified(true).build();
    }

    public static InjectionStopped stopped(String experimentId, UUID injectionId, StopReason reason, Instant startedAt,
                                           Instant stoppedAt, Long batches) {
        return InjectionStopped.newBuilder().setHeader(header(experimentId, stoppedAt)).setInjectionId(injectionId)
                .setReason(reason).setGuardrailId(reason == StopReason.GUARDRAIL ? "reads-failing" : null)
                .setObserved(reason == StopReason.GUARDRAIL ? 0.8 : null).setDetail("stopped: " + reason)
                .setStartedAt(startedAt).setStoppedAt(stoppedAt).setRollbackVerified(true).setEvidenceBatches(batches)
                .build();
    }

    /**
     * The evidence the demo system produces under the blackhole, in batches of one second: BEFORE 5 s of fast reads,
     * DURING 30 s where reads are served (one in five waits ~1200 ms for the pricing timeout) and orders get 503 with
     * Retry-After, AFTER 3 s of healthy traffic.
     */
    public static List<EvidenceCaptured> exampleEvidence(String experimentId, UUID injectionId) {
        List<EvidenceCaptured> batches = new ArrayList<>();
        long sequence = 0;
        for (int second = -5; second < 33; second++) {
            ExperimentPhase phase = second < 0 ? ExperimentPhase.BEFORE
                    : second < 30 ? ExperimentPhase.DURING : ExperimentPhase.AFTER;
            List<ProbeSample> samples = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Instant at = T0.plusMillis(second * 1000L + i * 200L);
                double latency = phase == ExperimentPhase.DURING && i == 0 ? 1203 : 12 + i;
                samples.add(sample("product-reads", at, latency, 200, true));
            }
            for (int i = 0; i < 2; i++) {
                Instant at = T0.plusMillis(second * 1000L + i * 500L + 100);
                samples.add(phase == ExperimentPhase.DURING
                        ? sample("order-writes", at, 3, 503, false, "Retry-After: 5", "content-type")
                        : sample("order-writes", at, 20, 201, true, "content-type"));
            }
            batches.add(batch(experimentId, injectionId, sequence++, phase, samples));
        }
        return batches;
    }
}
