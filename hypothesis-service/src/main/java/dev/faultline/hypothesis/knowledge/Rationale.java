package dev.faultline.hypothesis.knowledge;

import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ObservedDimension;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a hypothesis is worth running, beyond its template: the incident that prompted it, and what the
 * known-behaviour catalog already knows of the service under this failure mode — the last value observed per
 * dimension, the predictions that did not hold before (and are predicted again), and whether the entry is stale (as
 * catalog-service judges it, with its reason).
 * Each is cited by its id (incident, experiments) so that a reviewer can look it up.
 */
public final class Rationale {

    private final Incidents incidents;
    private final KnownBehaviours catalog;

    public Rationale(Incidents incidents, KnownBehaviours catalog) {
        this.incidents = incidents;
        this.catalog = catalog;
    }

    /** The template's rationale of {@code h}, followed by the incident's and the catalog's. */
    public String of(Hypothesis h, FaultType faultType, String incidentId) {
        StringBuilder text = new StringBuilder(h.getRationale());
        incidents.find(incidentId).ifPresent(incident -> text.append(' ').append(incident(incident)));
        text.append(' ').append(catalog(h, faultType));
        return text.toString();
    }

    private static String incident(IncidentRecorded i) {
        return "Prompted by incident " + i.getIncidentId() + " (" + i.getSeverity() + ", " + i.getEnvironment() + ", "
                + i.getStatus().name().toLowerCase(Locale.ROOT) + ", started " + i.getStartedAt() + "): " + i.getTitle()
                + (i.getSummary().isBlank() ? "" : " — " + i.getSummary()) + ".";
    }

    private String catalog(Hypothesis h, FaultType faultType) {
        Optional<KnownBehaviourUpdated> known = catalog.find(h.getService(), faultType);
        if (known.isEmpty()) {
            return "The known-behaviour catalog has no entry for " + h.getService() + " under " + faultType
                    + ": this is its first test.";
        }
        KnownBehaviourUpdated entry = known.get();
        List<String> parts = new ArrayList<>();
        parts.add("Known-behaviour catalog, " + entry.getBehaviourKey() + " (last tested " + entry.getLastTestedAt()
                + " by " + last(entry.getExperimentIds()) + ", " + entry.getExperimentIds().size() + " experiment(s))");
        if (entry.getStale()) {
            parts.add("the entry is stale (" + entry.getStaleReason() + "): this run refreshes it");
        }
        Set<String> predicted = h.getPredictions().stream().map(Prediction::getPredictionId).collect(Collectors.toSet());
        List<String> notHeld = entry.getDimensions().stream()
                .filter(d -> d.getLastOutcome() == PredictionOutcome.NOT_HELD)
                .map(d -> d.getDimension() + (predicted.contains(d.getDimension()) ? " (predicted again)" : "")).toList();
        if (!notHeld.isEmpty()) {
            parts.add("did not hold last time: " + String.join(", ", notHeld));
        }
        List<String> observed = entry.getDimensions().stream().map(Rationale::observed).toList();
        if (!observed.isEmpty()) {
            parts.add("last observed: " + String.join("; ", observed));
        }
        return String.join("; ", parts) + ".";
    }

    private static String observed(ObservedDimension d) {
        String value = d.getLastObserved() == null ? "no value (inconclusive)"
                : String.format(Locale.ROOT, "%.4g %s", d.getLastObserved(), d.getUnit().name().toLowerCase(Locale.ROOT));
        return d.getDimension() + " " + value + ", " + d.getLastOutcome() + " (held " + d.getConfirmations()
                + ", not held " + d.getContradictions() + ")";
    }

    private static String last(List<String> ids) {
        return ids.isEmpty() ? "no experiment" : ids.get(ids.size() - 1);
    }
}
