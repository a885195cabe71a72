package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ObservedDimension;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's update rule, a pure function: how one verdict changes the known-behaviour entry of its service and
 * failure mode. Each prediction id is a dimension; a held prediction confirms it, a prediction that did not hold
 * contradicts it. Aborted and inconclusive verdicts count as tested but confirm or contradict nothing.
 */
public final class KnownBehaviourRules {

    /** A new observed value that differs from the previous one by more than this share is a refinement. */
    static final double NOTABLE_CHANGE = 0.25;

    private KnownBehaviourRules() {
    }

    /** The record key and behaviour key of a service under a failure mode: {@code service|faultType}. */
    public static String behaviourKey(String service, FaultType faultType) {
        return service + "|" + faultType.name();
    }

    /**
     * The entry after {@code verdict}, with {@code header} as its event header; empty when the verdict's experiment
     * was already counted (a redelivery), so that nothing is counted twice and nothing is emitted.
     */
    public static Optional<KnownBehaviourUpdated> apply(KnownBehaviourUpdated previous, VerdictIssued verdict,
                                                        EventHeader header) {
        String experimentId = verdict.getHeader().getExperimentId();
        if (previous != null && previous.getExperimentIds().contains(experimentId)) {
            return Optional.empty();
        }
        Map<String, ObservedDimension> dimensions = new LinkedHashMap<>();
        if (previous != null) {
            previous.getDimensions().forEach(d -> dimensions.put(d.getDimension(), d));
        }
        boolean conclusive = isConclusive(verdict.getOutcome());
        CatalogChange change = previous == null ? CatalogChange.ADDED
                : conclusive ? CatalogChange.CONFIRMED : CatalogChange.REFINED;
        if (conclusive) {
            for (PredictionResult result : verdict.getResults()) {
                ObservedDimension before = dimensions.get(result.getPredictionId());
                dimensions.put(result.getPredictionId(), observe(before, result, experimentId));
                if (previous != null) {
                    change = stronger(change, classify(before, result));
                }
            }
        }
        Instant verdictAt = verdict.getHeader().getOccurredAt();
        Instant lastTested = previous == null || previous.getLastTestedAt().isBefore(verdictAt)
                ? verdictAt : previous.getLastTestedAt();
        return Optional.of(KnownBehaviourUpdated.newBuilder()
                .setHeader(header)
                .setBehaviourKey(behaviourKey(verdict.getService(), verdict.getFaultType()))
                .setService(verdict.getService())
                .setFaultType(verdict.getFaultType())
                .setChange(change)
                .setDimensions(new ArrayList<>(dimensions.values()))
                .setExperimentIds(append(previous == null ? List.of() : previous.getExperimentIds(), experimentId))
                .setLastTestedAt(lastTested)
                .setStale(false)
                .build());
    }

    /** Whether a verdict says something about behaviour (an aborted or inconclusive run does not). */
    static boolean isConclusive(VerdictOutcome outcome) {
        return outcome == VerdictOutcome.ALL_HELD || outcome == VerdictOutcome.PARTIALLY_HELD
                || outcome == VerdictOutcome.NONE_HELD;
    }

    private static ObservedDimension observe(ObservedDimension before, PredictionResult result, String experimentId) {
        PredictionOutcome outcome = result.getOutcome();
        int confirmations = before == null ? 0 : before.getConfirmations();
        int contradictions = before == null ? 0 : before.getContradictions();
        return ObservedDimension.newBuilder()
                .setDimension(result.getPredictionId())
                .setStatistic(result.getStatistic())
                .setUnit(result.getUnit())
                .setLastObserved(result.getObserved())
                .setLastOutcome(outcome)
                .setConfirmations(confirmations + (outcome == PredictionOutcome.HELD ? 1 : 0))
                .setContradictions(contradictions + (outcome == PredictionOutcome.NOT_HELD ? 1 : 0))
                .setExperimentIds(append(before == null ? List.of() : before.getExperimentIds(), experimentId))
                .setComparator(result.getComparator())
                .setThreshold(result.getThreshold())
                .build();
    }

    /** How one result changes what was known about its dimension. */
    static CatalogChange classify(ObservedDimension before, PredictionResult result) {
        if (before == null) {
            return CatalogChange.REFINED;
        }
        PredictionOutcome was = before.getLastOutcome();
        PredictionOutcome now = result.getOutcome();
        if (isDecided(was) && isDecided(now) && was != now) {
            return CatalogChange.CONTRADICTED;
        }
        if (was != now || notablyDifferent(before.getLastObserved(), result.getObserved())) {
            return CatalogChange.REFINED;
        }
        return CatalogChange.CONFIRMED;
    }

    static boolean notablyDifferent(Double before, Double now) {
        if (before == null || now == null) {
            return before != now;
        }
        double scale = Math.max(Math.abs(before), 1e-9);
        return Math.abs(now - before) / scale > NOTABLE_CHANGE;
    }

    private static boolean isDecided(PredictionOutcome outcome) {
        return outcome == PredictionOutcome.HELD || outcome == PredictionOutcome.NOT_HELD;
    }

    private static CatalogChange stronger(CatalogChange a, CatalogChange b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(CatalogChange change) {
        return switch (change) {
            case CONTRADICTED -> 3;
            case REFINED -> 2;
            case CONFIRMED -> 1;
            default -> 0;
        };
    }

    private static List<String> append(List<String> ids, String id) {
        List<String> copy = new ArrayList<>(ids);
        if (!copy.contains(id)) {
            copy.add(id);
        }
        return copy;
    }
}
