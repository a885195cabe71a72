package dev.faultline.injector.halt;

import dev.faultline.injector.run.ActiveRuns;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.injector.run.StopCause;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.StopReason;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obeys an operator's HaltRequested: every matching active run removes its fault at once and stops as HALTED, and
 * until a HaltLifted lifts it, a run it matches that is launched later stops before its fault is applied.
 */
@Singleton
public class HaltHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HaltHandler.class);

    private final ActiveRuns runs;
    private final Map<UUID, InForce> active = new ConcurrentHashMap<>();

    public HaltHandler(ActiveRuns runs) {
        this.runs = runs;
    }

    /** Notes a halt as in force (replayed at start: no run is active yet); {@code key} is its record key. */
    public void remember(HaltRequested halt, String key) {
        active.put(halt.getHaltId(), new InForce(HaltMatcher.of(halt, key), cause(halt)));
    }

    public void onLifted(HaltLifted lifted) {
        active.remove(lifted.getHaltId());
    }

    /** Why {@code run} must not start: a halt in force that matches it. */
    public Optional<StopCause> haltOf(RunRequest run) {
        return active.values().stream().filter(halt -> halt.matches().test(run)).map(InForce::cause).findFirst();
    }

    public int onHalt(HaltRequested halt, String key) {
        remember(halt, key);
        int stopped = runs.stop(HaltMatcher.of(halt, key), cause(halt));
        if (stopped > 0) {
            LOG.info("halt {} ({} {}) stopped {} injection(s)", halt.getHaltId(), halt.getScope(), key, stopped);
        }
        return stopped;
    }

    /** A halt not lifted yet: which runs it stops, and why. */
    private record InForce(Predicate<RunRequest> matches, StopCause cause) {
    }

    private static StopCause cause(HaltRequested halt) {
        return StopCause.of(StopReason.HALTED, "halted by " + halt.getHeader().getActor().getId() + " (halt "
                + halt.getHaltId() + ", scope " + halt.getScope() + "): " + halt.getReason());
    }
}
