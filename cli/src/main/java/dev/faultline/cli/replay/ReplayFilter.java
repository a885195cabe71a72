package dev.faultline.cli.replay;

import java.time.Instant;
import java.util.Set;

/**
 * Which experiments a replay reports: by id, by the service under test, and by when their first event happened
 * ({@code since} inclusive, {@code until} exclusive). Null or empty means no restriction.
 */
record ReplayFilter(Set<String> experimentIds, String service, Instant since, Instant until) {

    ReplayFilter {
        experimentIds = experimentIds == null ? Set.of() : Set.copyOf(experimentIds);
    }

    static ReplayFilter none() {
        return new ReplayFilter(Set.of(), null, null, null);
    }

    boolean admitsId(String experimentId) {
        return experimentIds.isEmpty() || experimentIds.contains(experimentId);
    }

    boolean admitsFirstEvent(Instant at) {
        return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }

    boolean admitsService(String name) {
        return service == null || service.equals(name);
    }
}
