package dev.faultline.injector.halt;

import dev.faultline.injector.run.ActiveRuns;
import dev.faultline.injector.run.StopCause;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.StopReason;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Obeys an operator's HaltRequested: every matching active run removes its fault at once and stops as HALTED. */
@Singleton
public class HaltHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HaltHandler.class);

    private final ActiveRuns runs;

    public HaltHandler(ActiveRuns runs) {
        this.runs = runs;
    }

    public int onHalt(HaltRequested halt, String key) {
        String by = halt.getHeader().getActor().getId();
        int stopped = runs.stop(HaltMatcher.of(halt, key), StopCause.of(StopReason.HALTED,
                "halted by " + by + " (halt " + halt.getHaltId() + ", scope " + halt.getScope() + "): " + halt.getReason()));
        if (stopped > 0) {
            LOG.info("halt {} ({} {}) stopped {} injection(s)", halt.getHaltId(), halt.getScope(), key, stopped);
        }
        return stopped;
    }
}
