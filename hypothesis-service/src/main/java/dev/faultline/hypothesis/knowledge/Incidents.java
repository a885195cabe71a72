package dev.faultline.hypothesis.knowledge;

import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incidents read from faultline.incidents (the latest report of each wins), and the suggestions they make: each
 * failure mode an incident involved, for each service it affected, is worth an experiment.
 */
public final class Incidents {

    private final Map<String, IncidentRecorded> byId = new ConcurrentHashMap<>();

    public void record(IncidentRecorded incident) {
        byId.put(incident.getIncidentId(), incident);
    }

    public Optional<IncidentRecorded> find(String incidentId) {
        return Optional.ofNullable(incidentId).map(byId::get);
    }

    /** The suggestions for {@code service} (every service when null), the latest incident first. */
    public List<Suggestion> suggestions(String service) {
        return byId.values().stream()
                .sorted(Comparator.comparing(IncidentRecorded::getStartedAt).reversed()
                        .thenComparing(IncidentRecorded::getIncidentId))
                .flatMap(incident -> incident.getServices().stream()
                        .filter(s -> service == null || s.equals(service))
                        .flatMap(s -> incident.getFaultTypes().stream().filter(f -> f != FaultType.UNKNOWN)
                                .map(f -> Suggestion.of(incident, s, f))))
                .toList();
    }
}
