package dev.faultline.schemas;

import dev.faultline.schemas.avro.*;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetEndpoint;
import dev.faultline.schemas.avro.TargetHost;
import dev.faultline.schemas.avro.TargetObservability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic instance of every Faultline event, for one experiment: the storefront's dependency on pricing
 * slowed down by 400 ms. Times are whole milliseconds, as timestamp-millis keeps them.
 */
public final class SampleEvents {

    public static final Instant T0 = Instant.ofEpochMilli(1_790_000_000_000L);

    private final String experimentId;

    public SampleEvents(String experimentId) {
        this.experimentId = experimentId;
    }

    /** Every event type of the contract, one each, in workflow order. */
    public List<SpecificRecord> all() {
        return List.of(proposed(), drafted(), rejected(), reviewed(), planApproved(), approvalRecorded(), scheduled(),
                preflightPassed(), preflightBlocked(), injectionStarted(), injectionStopped(), injectionRefused(), evidence(20), verdict(),
                followUpOpened(), followUpStateChanged(), knownBehaviour(), haltRequested(), haltLifted(), calendarEntry(), incident(), deadLetter(),
                targetDeclared(), failureModeDeclared());
    }

    public EventHeader header(String service, int secondsAfterT0) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(experimentId)
                .setOccurredAt(T0.plusSeconds(secondsAfterT0))
                .setActor(Actor.newBuilder().setKind(ActorKind.SERVICE).setId(service).build())
                .setCausationId(UUID.nameUUIDFromBytes(experimentId.getBytes()))
                .setTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build();
    }

    public ExperimentProposed proposed() {
        return ExperimentProposed.newBuilder().setHeader(header("faultline-cli", 0)).setService("storefront")
                .setFaultType(FaultType.NETWORK_LATENCY).setDependency("pricing").setEnvironment(Environment.STAGING)
                .setReason(ProposalReason.INCIDENT).setMotivation("INC-231: checkout timed out when pricing slowed down")
                .setIncidentId("INC-231").setRequestedDurationMillis(300_000L).setLabels(Map.of("team", "checkout")).build();
    }

    public Hypothesis hypothesis() {
        PredictionWindow during = PredictionWindow.newBuilder().setPhase(ExperimentPhase.DURING).setSkipFirstMillis(10_000)
                .setMinSamples(100).build();
        return Hypothesis.newBuilder().setTitle("storefront serves cached prices when pricing is slow").setService("storefront")
                .setScenario(FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_LATENCY)
                        .setTarget(FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService("storefront")
                                .setDependency("pricing").build())
                        .setDirection(FaultDirection.UPSTREAM).setToxicity(0.5).setDurationMillis(300_000)
                        .setParameters(Map.of("latencyMillis", "400", "jitterMillis", "50")).build())
                .setProbes(List.of(ProbeSpec.newBuilder().setProbeId("products").setKind(ProbeKind.HTTP)
                        .setTarget("http://storefront:8080/products").setMethod("GET").setIntervalMillis(200)
                        .setTimeoutMillis(2_000).setRequestHeaders(Map.of("Accept", "application/json")).build()))
                .setPredictions(List.of(
                        Prediction.newBuilder().setPredictionId("p99-products").setDescription("p99 of GET /products < 800 ms")
                                .setProbeId("products").setStatistic(Statistic.P99_LATENCY)
                                .setComparator(ComparisonOperator.LESS_THAN).setThreshold(800).setUnit(MeasureUnit.MILLISECONDS)
                                .setWindow(during).build(),
                        Prediction.newBuilder().setPredictionId("retry-after").setDescription("503 with Retry-After in >= 99%")
                                .setProbeId("products").setStatistic(Statistic.STATUS_SHARE).setStatus(503)
                                .setHeader("retry-after").setComparator(ComparisonOperator.GREATER_OR_EQUAL).setThreshold(0.99)
                                .setUnit(MeasureUnit.RATIO).setWindow(during).build()))
                .setBlastRadius(BlastRadius.newBuilder().setEnvironment(Environment.STAGING).setTargets(List.of("storefront"))
                        .setDownstream(List.of("checkout")).setTrafficShare(0.5).build())
                .setGuardrails(List.of(Guardrail.newBuilder().setGuardrailId("errors").setDescription("error rate > 20%")
                        .setProbeId("products").setStatistic(Statistic.ERROR_RATE).setComparator(ComparisonOperator.GREATER_THAN)
                        .setThreshold(0.2).setUnit(MeasureUnit.RATIO).setEvaluationWindowMillis(30_000)
                        .setSustainMillis(10_000).build()))
                .setRiskLevel(RiskLevel.LOW).setTemplateId("network-latency/http-dependency")
                .setRationale("catalog: storefront caches prices for 60 s").build();
    }

    public HypothesisDrafted drafted() {
        return HypothesisDrafted.newBuilder().setHeader(header("hypothesis-service", 1)).setRevision(2)
                .setHypothesis(hypothesis()).setChangeSummary("tightened p99 from 1 s to 800 ms")
                .setWarnings(List.of(lint(LintRule.NO_TEMPLATE, "no template for pricing; generic one used"))).build();
    }

    public HypothesisRejected rejected() {
        return HypothesisRejected.newBuilder().setHeader(header("hypothesis-service", 1)).setRevision(1)
                .setFindings(List.of(lint(LintRule.NO_ROLLBACK_CONDITION, "no guardrail: add a rollback condition"))).build();
    }

    public PlanReviewed reviewed() {
        return PlanReviewed.newBuilder().setHeader(header("hypothesis-service", 2)).setRevision(2).setReviewer(person("alice"))
                .setDecision(ReviewDecision.ACCEPTED)
                .setComments(List.of(ReviewComment.newBuilder().setText("ok").setPath("guardrails[0]").build())).build();
    }

    public PlanApproved planApproved() {
        return PlanApproved.newBuilder().setHeader(header("hypothesis-service", 3)).setRevision(2)
                .setReviewers(List.of(person("alice"))).build();
    }

    public ApprovalRecorded approvalRecorded() {
        return ApprovalRecorded.newBuilder().setHeader(header("safety-service", 4)).setRevision(2).setApprover(person("bob"))
                .setDecision(ApprovalDecision.APPROVED).setEnvironment(Environment.STAGING)
                .setValidUntil(T0.plusSeconds(86_400)).setComment("go").build();
    }

    public ExperimentScheduled scheduled() {
        return ExperimentScheduled.newBuilder().setHeader(header("safety-service", 5)).setRevision(2)
                .setEnvironment(Environment.STAGING).setWindowStart(T0.plusSeconds(3_600)).setWindowEnd(T0.plusSeconds(7_200))
                .setReason("no freeze, on-call: carol").build();
    }

    public PreflightPassed preflightPassed() {
        return PreflightPassed.newBuilder().setHeader(header("safety-service", 3_600)).setRevision(2)
                .setClearance(Clearance.newBuilder().setClearanceId(UUID.randomUUID()).setHypothesisRevision(2)
                        .setEnvironment(Environment.STAGING).setIssuedAt(T0.plusSeconds(3_600))
                        .setExpiresAt(T0.plusSeconds(3_900)).setSignature("c2lnbmF0dXJl").build())
                .setChecks(List.of(check(PreflightCheckKind.BASELINE_HEALTH, CheckOutcome.PASSED),
                        check(PreflightCheckKind.APPROVAL, CheckOutcome.NOT_REQUIRED))).build();
    }

    public PreflightBlocked preflightBlocked() {
        return PreflightBlocked.newBuilder().setHeader(header("safety-service", 3_600)).setRevision(2)
                .setChecks(List.of(check(PreflightCheckKind.TIME_WINDOW, CheckOutcome.FAILED)))
                .setSummary("deployment freeze until 18:00").build();
    }

    public InjectionStarted injectionStarted() {
        return InjectionStarted.newBuilder().setHeader(header("injector-service", 3_601)).setRevision(2)
                .setInjectionId(UUID.randomUUID()).setClearanceId(UUID.randomUUID()).setFault(hypothesis().getScenario())
                .setController("injector-0").setLeaseExpiresAt(T0.plusSeconds(3_631)).setDeadline(T0.plusSeconds(3_901))
                .setStopActionVerified(true).build();
    }

    public InjectionStopped injectionStopped() {
        return InjectionStopped.newBuilder().setHeader(header("injector-service", 3_700)).setInjectionId(UUID.randomUUID())
                .setReason(StopReason.GUARDRAIL).setGuardrailId("errors").setObserved(0.31).setDetail("error rate 31%")
                .setStartedAt(T0.plusSeconds(3_601)).setStoppedAt(T0.plusSeconds(3_700)).setRollbackVerified(true).build();
    }

    public InjectionRefused injectionRefused() {
        return InjectionRefused.newBuilder().setHeader(header("injector-service", 3_602)).setInjectionId(UUID.randomUUID())
                .setClearanceId(UUID.randomUUID()).setRevision(2).setEnvironment(Environment.STAGING).setService("storefront")
                .setFault(hypothesis().getScenario()).setReason(RefusalReason.UNSUPPORTED_FAULT)
                .setDetail("HTTP_ERROR_STATUS needs an L7 (HTTP) proxy between storefront and 'pricing'").setEvidenceBatches(0)
                .build();
    }

    /** A batch of {@code samples} probe samples, a realistic evidence record. */
    public EvidenceCaptured evidence(int samples) {
        List<ProbeSample> batch = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            boolean failed = i % 10 == 0;
            batch.add(ProbeSample.newBuilder().setProbeId("products").setComponent("storefront")
                    .setAt(T0.plusMillis(3_610_000L + 200L * i)).setLatencyMillis(412.5 + i).setStatus(failed ? 503 : 200)
                    .setOk(!failed).setHeaders(failed ? List.of("content-type", "retry-after") : List.of("content-type"))
                    .setError(failed ? "HTTP 503" : null).build());
        }
        return EvidenceCaptured.newBuilder().setHeader(header("injector-service", 3_620)).setInjectionId(UUID.randomUUID())
                .setSequence(7).setPhase(ExperimentPhase.DURING).setSamples(batch)
                .setReferences(List.of(EvidenceReference.newBuilder().setKind(EvidenceReferenceKind.TRACE)
                        .setUri("trace://4bf92f3577b34da6a3ce929d0e0e4736").build())).build();
    }

    public VerdictIssued verdict() {
        return VerdictIssued.newBuilder().setHeader(header("analysis-service", 3_800)).setRevision(2).setService("storefront")
                .setFaultType(FaultType.NETWORK_LATENCY).setEnvironment(Environment.STAGING)
                .setOutcome(VerdictOutcome.PARTIALLY_HELD).setInjectionId(UUID.randomUUID()).setStopReason(StopReason.COMPLETED)
                .setResults(List.of(PredictionResult.newBuilder().setPredictionId("p99-products")
                        .setStatistic(Statistic.P99_LATENCY).setComparator(ComparisonOperator.LESS_THAN).setThreshold(800)
                        .setUnit(MeasureUnit.MILLISECONDS).setObserved(912.0).setSampleCount(1_200).setRequiredSamples(100)
                        .setOutcome(PredictionOutcome.NOT_HELD).setExplanation("p99 912 ms >= 800 ms over 1200 samples")
                        .build()))
                .setSampleCount(1_200)
                .setFollowUps(List.of(FollowUp.newBuilder().setKind(FollowUpKind.FIX_SYSTEM)
                        .setDescription("add a timeout to the pricing client").build()))
                .setSummary("cache held, latency did not").build();
    }

    public FollowUpOpened followUpOpened() {
        return FollowUpOpened.newBuilder().setHeader(header("analysis-service", 3_801))
                .setFollowUpId(UUID.nameUUIDFromBytes((experimentId + "/0").getBytes())).setIndex(0)
                .setInjectionId(UUID.randomUUID()).setPredictionId("p99-products").setKind(FollowUpKind.FIX_SYSTEM)
                .setDescription("add a timeout to the pricing client").setService("storefront")
                .setFaultType(FaultType.NETWORK_LATENCY).setEnvironment(Environment.STAGING).setAssignee("team-storefront")
                .build();
    }

    public FollowUpStateChanged followUpStateChanged() {
        return FollowUpStateChanged.newBuilder().setHeader(header("analysis-service", 7_200))
                .setFollowUpId(UUID.nameUUIDFromBytes((experimentId + "/0").getBytes())).setSequence(1)
                .setFrom(FollowUpState.OPEN).setTo(FollowUpState.WONT_FIX).setAssignee("team-storefront")
                .setNote("pricing is being replaced next quarter").setKind(FollowUpKind.FIX_SYSTEM).setService("storefront")
                .setFaultType(FaultType.NETWORK_LATENCY).setEnvironment(Environment.STAGING).build();
    }

    public KnownBehaviourUpdated knownBehaviour() {
        return KnownBehaviourUpdated.newBuilder().setHeader(header("catalog-service", 3_801))
                .setBehaviourKey("storefront|NETWORK_LATENCY").setService("storefront").setFaultType(FaultType.NETWORK_LATENCY)
                .setChange(CatalogChange.CONTRADICTED)
                .setDimensions(List.of(ObservedDimension.newBuilder().setDimension("p99 latency of GET /products")
                        .setStatistic(Statistic.P99_LATENCY).setUnit(MeasureUnit.MILLISECONDS).setLastObserved(912.0)
                        .setLastOutcome(PredictionOutcome.NOT_HELD).setConfirmations(2).setContradictions(1)
                        .setExperimentIds(List.of("exp-1", experimentId)).build()))
                .setExperimentIds(List.of("exp-1", experimentId)).setLastTestedAt(T0.plusSeconds(3_800)).build();
    }

    public HaltRequested haltRequested() {
        return HaltRequested.newBuilder().setHeader(header("safety-service", 3_650)).setHaltId(UUID.randomUUID())
                .setScope(HaltScope.ENVIRONMENT).setEnvironment(Environment.STAGING).setReason("real incident").build();
    }

    public HaltLifted haltLifted() {
        return HaltLifted.newBuilder().setHeader(header("safety-service", 4_000)).setHaltId(UUID.randomUUID())
                .setReason("incident resolved").build();
    }

    public CalendarEntryPublished calendarEntry() {
        return CalendarEntryPublished.newBuilder().setHeader(header("release-calendar", 0)).setEntryId("freeze-2026-12")
                .setKind(CalendarEntryKind.FREEZE).setEnvironment(Environment.PRODUCTION).setServices(List.of())
                .setStartsAt(T0.plusSeconds(86_400)).setEndsAt(T0.plusSeconds(86_400 * 10)).setTitle("year-end freeze")
                .setSource("release-calendar").build();
    }

    public TargetDeclared targetDeclared() {
        return TargetDeclared.newBuilder().setHeader(header("faultline-cli", 0)).setEnvironment(Environment.STAGING)
                .setService("storefront").setRemoved(false).setServiceType("http-storefront").setOwners(List.of("shop-team"))
                .setOnCall("shop-primary").setBaseUrl("http://storefront:8080")
                .setEndpoints(List.of(TargetEndpoint.newBuilder().setName("product-reads").setMethod("GET")
                        .setPath("/products/sku-1").setBody(null).setHeaders(Map.of()).setSuccessStatuses(List.of()).build()))
                .setDependencies(List.of(TargetDependency.newBuilder().setName("pricing").setProtocol(DependencyProtocol.HTTP)
                        .setProxy("pricing").setHttpProxy("pricing-http").setTopic(null).build()))
                .setHosts(List.of(TargetHost.newBuilder().setName("shop-1").setAgentUrl("http://shop-1:8479").build()))
                .setObservability(TargetObservability.newBuilder().setMetricsUrl("http://storefront:8080/metrics")
                        .setPrometheusUrl(null).setLogFile("/var/log/storefront.log").setPropagatesTraceContext(true).build())
                .setSource("targets/staging.yaml").build();
    }

    public FailureModeDeclared failureModeDeclared() {
        return FailureModeDeclared.newBuilder().setHeader(header("faultline-cli", 0)).setTemplateId("queue-consumer-lag")
                .setRemoved(false).setServiceType("queue-worker").setFaultType(FaultType.NETWORK_LATENCY)
                .setTargetKind(TargetKind.DEPENDENCY_LINK).setRiskLevel(RiskLevel.LOW)
                .setDescription("broker latency: every response of the broker is delayed by latencyMillis (ms)")
                .setTitle("When ${dependency} answers ${latencyMillis} ms slower, ${service} keeps its lag bounded")
                .setParameters(Map.of("latencyMillis", "500"))
                .setProbes(List.of(TemplateProbe.newBuilder().setProbeId("lag").setKind(ProbeKind.METRIC)
                        .setSubject("service").setEndpoint(null).setMethod(null).setPath(null).setBody(null)
                        .setHeaders(Map.of()).setIntervalMillis(1000)
                        .setParameters(Map.of("metric", "worker_lag_messages", "aggregate", "value")).build()))
                .setPredictions(List.of(TemplatePrediction.newBuilder().setPredictionId("lag-bounded")
                        .setDescription("the lag stays under 100 messages").setProbeId("lag")
                        .setStatistic(Statistic.VALUE_MAX).setStatus(null).setHeader(null)
                        .setComparator(ComparisonOperator.LESS_THAN).setThreshold("100").setUnit(MeasureUnit.COUNT)
                        .setSkipFirstMillis(2000).setMinSamples(5).build()))
                .setGuardrails(List.of(TemplateGuardrail.newBuilder().setGuardrailId("lag-runaway")
                        .setDescription("stop when the lag passes 1000 messages").setProbeId("lag")
                        .setStatistic(Statistic.VALUE_MAX).setStatus(null).setHeader(null)
                        .setComparator(ComparisonOperator.GREATER_THAN).setThreshold("1000").setUnit(MeasureUnit.COUNT)
                        .setEvaluationWindowMillis(3000).setSustainMillis(1000).build()))
                .setSource("failure-modes/queue-worker.yaml").setIncidentId("INC-231").build();
    }

    public IncidentRecorded incident() {
        return IncidentRecorded.newBuilder().setHeader(header("incident-tool", 0)).setIncidentId("INC-231")
                .setTitle("checkout timeouts").setSeverity(IncidentSeverity.HIGH).setStatus(IncidentStatus.RESOLVED)
                .setEnvironment(Environment.PRODUCTION).setServices(List.of("storefront", "pricing"))
                .setFaultTypes(List.of(FaultType.NETWORK_LATENCY)).setStartedAt(T0.minusSeconds(86_400))
                .setResolvedAt(T0.minusSeconds(80_000)).setSummary("pricing GC pauses").setUrl("https://incidents/231").build();
    }

    public DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setHeader(header("analysis-service", 3_900)).setSourceTopic("faultline.evidence")
                .setSourcePartition(3).setSourceOffset(42L).setSourceTimestamp(T0.plusSeconds(3_620))
                .setKey(java.nio.ByteBuffer.wrap(experimentId.getBytes())).setValue(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setReason("magic byte 0x01 seen, 0x00 expected").setErrorClass("InvalidMagicByteException")
                .setService("analysis-service").build();
    }

    private static Actor person(String id) {
        return Actor.newBuilder().setKind(ActorKind.PERSON).setId(id).setDisplayName(id).build();
    }

    private static LintFinding lint(LintRule rule, String message) {
        return LintFinding.newBuilder().setRule(rule).setMessage(message).setPath("guardrails").build();
    }

    private static PreflightCheckResult check(PreflightCheckKind kind, CheckOutcome outcome) {
        return PreflightCheckResult.newBuilder().setKind(kind).setOutcome(outcome).setReason(kind + " " + outcome)
                .setDetails(Map.of("baselineP99Millis", "210")).setCheckedAt(T0.plusSeconds(3_600)).build();
    }
}
