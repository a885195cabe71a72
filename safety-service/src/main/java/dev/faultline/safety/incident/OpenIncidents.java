package dev.faultline.safety.incident;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incidents not resolved yet (OPEN or MITIGATED), as read from the incidents topic, by incident id so that a
 * later status replaces the earlier one. NO_OPEN_INCIDENT checks against them: an experiment on a service that is in
 * an incident, or whose dependency is, would add a failure to one that people are fighting.
 */
public final class OpenIncidents {

    private static final PreflightCheckKind KIND = PreflightCheckKind.NO_OPEN_INCIDENT;

    /** One incident as far as safety cares: where, on what, since when. */
    public record Incident(String id, String title, IncidentStatus status, Environment environment,
                           Set<String> services, Instant startedAt) {

        public Incident {
            services = Set.copyOf(services);
        }

        /** Whether it affects one of {@code names} in {@code env}; an incident naming no service affects every one. */
        public boolean affects(Environment env, Set<String> names) {
            return environment == env && (services.isEmpty() || names.stream().anyMatch(services::contains));
        }

        public String describe() {
            return "incident " + id + " '" + title + "' (" + status + " since " + startedAt + ") on "
                    + (services.isEmpty() ? "every service" : String.join(", ", services.stream().sorted().toList()));
        }
    }

    private final Map<String, Incident> open = new ConcurrentHashMap<>();

    /** Records the incident's latest state: kept while OPEN or MITIGATED, forgotten once resolved. */
    public void recorded(Incident incident) {
        if (incident.status() == IncidentStatus.OPEN || incident.status() == IncidentStatus.MITIGATED) {
            open.put(incident.id(), incident);
        } else {
            open.remove(incident.id());
        }
    }

    public List<Incident> affecting(Environment env, Set<String> names) {
        return open.values().stream().filter(i -> i.affects(env, names)).toList();
    }

    /** @param names the service and its dependencies */
    public CheckResult check(Environment env, Set<String> names) {
        String services = String.join(",", names.stream().sorted().toList());
        List<Incident> affecting = affecting(env, names);
        if (affecting.isEmpty()) {
            return CheckResult.passed(KIND, "no open incident on " + services + " in " + env,
                    Map.of("services", services));
        }
        return CheckResult.failed(KIND, String.join("; ", affecting.stream().map(Incident::describe).toList()),
                Map.of("services", services, "incidents", String.join(",", affecting.stream().map(Incident::id).toList())));
    }
}
