package dev.faultline.safety.preflight;

import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injections that started and have not stopped, as read from the injections topic. An injection whose deadline
 * passed more than {@link #GRACE} ago counts as ended even without its stop event (its controller was lost and the
 * data plane's lease removed the fault). NO_CONCURRENT_EXPERIMENT checks against them. It also keeps when each
 * experiment's last injection ended (stopped, or refused before it started), which tells {@link ServiceClaims} that
 * an experiment cleared earlier no longer needs its service.
 */
public final class ActiveInjections {

    public static final Duration GRACE = Duration.ofSeconds(30);

    /** One running injection: which experiment, on which service, until when at the latest. */
    public record Running(UUID injectionId, String experimentId, String service, Instant deadline) {
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastEnded = new ConcurrentHashMap<>();

    public void started(Running injection) {
        if (!stopped.contains(injection.injectionId())) {
            running.put(injection.injectionId(), injection);
        }
    }

    public void stopped(UUID injectionId) {
        stopped.add(injectionId);
        running.remove(injectionId);
    }

    /** An injection of {@code experimentId} ended at {@code at}: stopped, or refused before it started. */
    public void ended(String experimentId, Instant at) {
        lastEnded.merge(experimentId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether an injection of {@code experimentId} ended at or after {@code since}. */
    public boolean endedSince(String experimentId, Instant since) {
        Instant ended = lastEnded.get(experimentId);
        return ended != null && !ended.isBefore(since);
    }

    public boolean running(String experimentId, Instant now) {
        return activeAt(now).stream().anyMatch(r -> r.experimentId().equals(experimentId));
    }

    public List<Running> activeAt(Instant now) {
        return running.values().stream().filter(r -> now.isBefore(r.deadline().plus(GRACE))).toList();
    }

    public CheckResult check(String experimentId, String service, Instant now) {
        List<Running> others = activeAt(now).stream()
                .filter(r -> r.service().equals(service) && !r.experimentId().equals(experimentId)).toList();
        if (others.isEmpty()) {
            return CheckResult.passed(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, "no other experiment is injecting on "
                    + service, Map.of("service", service));
        }
        return CheckResult.failed(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, "experiment "
                + String.join(", ", others.stream().map(Running::experimentId).toList()) + " is injecting on " + service
                + " (deadline " + others.get(0).deadline() + ")", Map.of("service", service,
                "experiments", String.join(",", others.stream().map(Running::experimentId).toList())));
    }
}
