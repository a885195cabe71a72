package dev.faultline.hypothesis.knowledge;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.IncidentSeverity;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.ObservedDimension;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.Statistic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as an incident tool reports it, and a known-behaviour entry as catalog-service publishes it. */
public final class KnowledgeFixtures {

    private KnowledgeFixtures() {
    }

    private static EventHeader header(String who) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("").setOccurredAt(Instant.now())
                .setActor(Actor.newBuilder().setKind(ActorKind.SERVICE).setId(who).build()).setCausationId(null)
                .setTraceparent(null).setTracestate(null).build();
    }

    /** Pricing got slow for {@code service}: a latency incident in production, resolved. */
    public static IncidentRecorded incident(String id, String service, Instant startedAt) {
        return IncidentRecorded.newBuilder().setHeader(header("incident-tool")).setIncidentId(id)
                .setTitle("checkout timeouts").setSeverity(IncidentSeverity.HIGH).setStatus(IncidentStatus.RESOLVED)
                .setEnvironment(Environment.PRODUCTION).setServices(List.of(service, "pricing"))
                .setFaultTypes(List.of(FaultType.NETWORK_LATENCY)).setStartedAt(startedAt)
                .setResolvedAt(startedAt.plusSeconds(3_600)).setSummary("pricing GC pauses").setUrl(null).build();
    }

    /** What the catalog knows of {@code service} under latency: reads held, their p99 did not (950 ms). */
    public static KnownBehaviourUpdated latencyKnown(String service, Instant lastTestedAt) {
        return KnownBehaviourUpdated.newBuilder().setHeader(header("catalog-service"))
                .setBehaviourKey(service + "|NETWORK_LATENCY").setService(service).setFaultType(FaultType.NETWORK_LATENCY)
                .setChange(CatalogChange.CONTRADICTED)
                .setDimensions(List.of(dimension("reads-served", Statistic.SUCCESS_RATE, MeasureUnit.RATIO, 1.0,
                                PredictionOutcome.HELD, 2, 0),
                        dimension("reads-p99", Statistic.P99_LATENCY, MeasureUnit.MILLISECONDS, 950.0,
                                PredictionOutcome.NOT_HELD, 1, 1)))
                .setExperimentIds(List.of("exp-old-1", "exp-old-2")).setLastTestedAt(lastTestedAt).setStale(false).build();
    }

    /** {@link #latencyKnown} as catalog-service marks it stale, with {@code reason}. */
    public static KnownBehaviourUpdated staleLatencyKnown(String service, Instant lastTestedAt, String reason) {
        return KnownBehaviourUpdated.newBuilder(latencyKnown(service, lastTestedAt)).setChange(CatalogChange.STALE)
                .setStale(true).setStaleReason(reason).build();
    }

    private static ObservedDimension dimension(String id, Statistic statistic, MeasureUnit unit, double value,
                                               PredictionOutcome outcome, int held, int notHeld) {
        return ObservedDimension.newBuilder().setDimension(id).setStatistic(statistic).setUnit(unit).setLastObserved(value)
                .setLastOutcome(outcome).setConfirmations(held).setContradictions(notHeld)
                .setExperimentIds(List.of("exp-old-1", "exp-old-2")).build();
    }
}
