package dev.faultline.injector;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.injector.fault.DataPlanePort;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultContext;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.Route;
import dev.faultline.injector.probe.Sample;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.kit.clearance.ClearanceSigner;
import dev.faultline.kit.clearance.Clearances;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TargetKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Named test fixtures: hypotheses, clearances and samples shaped like the example experiment. */
public final class Fixtures {

    /** safety-service's signing key in the unit tests (real Ed25519). */
    public static final ClearanceKeyPair KEYS = ClearanceKeyPair.generate("safety-test");
    /** Faultline's own Kafka as the injector sees it, for kinds that plan without talking to it. */
    public static final KafkaCluster OWN_KAFKA = KafkaCluster.unauthenticated("127.0.0.1:9092");

    private Fixtures() {
    }

    /** The fault of {@code hypothesis} planned onto the L4 proxy {@code pricing} of {@code dataPlane}, under the injection's lease. */
    public static Fault planned(DataPlanePort dataPlane, Hypothesis hypothesis, UUID injectionId, String namePrefix) {
        Route route = new Route("storefront", null, d -> Optional.of("pricing"), d -> Optional.of("pricing-http"));
        return new FaultKinds(FaultKinds.builtIn(dataPlane, url -> new AgentClient(URI.create(url), "faultline-test-agent-token"),
                OWN_KAFKA)).plan(hypothesis.getScenario(),
                new FaultContext(route, namePrefix, new Lease(RunRequest.holderOf(injectionId), Duration.ofSeconds(3))));
    }

    public static FaultSpec fault(FaultType type, FaultDirection direction, long durationMillis, Map<String, String> parameters) {
        return FaultSpec.newBuilder().setFaultType(type)
                .setTarget(FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService("storefront")
                        .setDependency("pricing").setHost(null).setPath(null).setTopic(null).build())
                .setDirection(direction).setToxicity(1.0).setDurationMillis(durationMillis).setParameters(parameters).build();
    }

    public static ProbeSpec probe(String id, String url, long intervalMillis, long timeoutMillis) {
        return ProbeSpec.newBuilder().setProbeId(id).setKind(ProbeKind.HTTP).setTarget(url).setMethod("GET")
                .setIntervalMillis(intervalMillis).setTimeoutMillis(timeoutMillis).setRequestHeaders(Map.of())
                .setComponent("storefront").build();
    }

    /** ERROR_RATE of {@code probeId} GREATER_THAN 0.5 over {@code windowMillis}, sustained {@code sustainMillis}. */
    public static Guardrail errorRateGuardrail(String probeId, long windowMillis, long sustainMillis) {
        return Guardrail.newBuilder().setGuardrailId("reads-failing").setDescription("more than half the reads fail")
                .setProbeId(probeId).setStatistic(Statistic.ERROR_RATE).setStatus(null).setHeader(null)
                .setComparator(ComparisonOperator.GREATER_THAN).setThreshold(0.5).setUnit(MeasureUnit.RATIO)
                .setEvaluationWindowMillis(windowMillis).setSustainMillis(sustainMillis).build();
    }

    public static Hypothesis hypothesis(FaultSpec fault, List<ProbeSpec> probes, List<Guardrail> guardrails) {
        return Hypothesis.newBuilder().setTitle("pricing unreachable").setService("storefront").setScenario(fault)
                .setProbes(probes).setPredictions(List.of())
                .setBlastRadius(BlastRadius.newBuilder().setEnvironment(Environment.STAGING).setTargets(List.of("storefront->pricing"))
                        .setDownstream(List.of("storefront")).setTrafficShare(1.0).setMaxHosts(null).build())
                .setGuardrails(guardrails).setRiskLevel(RiskLevel.MEDIUM).setTemplateId("dependency-unreachable")
                .setRationale("test").build();
    }

    public static Clearance clearance(int revision, Instant expiresAt) {
        return Clearance.newBuilder().setClearanceId(UUID.randomUUID()).setHypothesisRevision(revision)
                .setEnvironment(Environment.STAGING).setIssuedAt(Instant.now().minusSeconds(1)).setExpiresAt(expiresAt)
                .setSignature(null).build();
    }

    public static PreflightPassed preflightPassed(String experimentId, int revision, Clearance clearance) {
        return PreflightPassed.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("safety-service"), Clock.systemUTC()))
                .setRevision(revision).setClearance(clearance).setChecks(List.of()).build();
    }

    public static PreflightPassed signedPreflight(String experimentId, int revision) {
        return signedPreflight(experimentId, revision, KEYS);
    }

    /** Signed with {@code keys}: each IT class has its own, so no class runs another's clearances from the shared topic. */
    public static PreflightPassed signedPreflight(String experimentId, int revision, ClearanceKeyPair keys) {
        return preflightPassed(experimentId, revision, signed(experimentId, clearance(revision, Instant.now().plusSeconds(600)), keys));
    }

    /** {@code clearance} of {@code experimentId} signed with {@code keys}, as safety-service signs. */
    public static Clearance signed(String experimentId, Clearance clearance, ClearanceKeyPair keys) {
        return new ClearanceSigner(keys.signer()).signed(experimentId, clearance);
    }

    /** A fresh clearance of {@code experimentId} signed with {@link #KEYS}, as a fault is planned with it. */
    public static ClearanceClaims claims(String experimentId) {
        return Clearances.claimsOf(experimentId, signed(experimentId, clearance(1, Instant.now().plusSeconds(600)), KEYS));
    }

    public static Sample sample(String probeId, Instant at, double latency, boolean ok) {
        return new Sample(probeId, "storefront", at, latency, ok ? 200 : 503, ok, ok ? List.of("content-type") : List.of(), null);
    }
}
