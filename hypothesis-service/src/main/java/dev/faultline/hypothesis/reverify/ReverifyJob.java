package dev.faultline.hypothesis.reverify;

import dev.faultline.hypothesis.events.ExperimentListener;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Looks through the catalog every {@code faultline.reverify.every} (first after 5 s), once the listeners have read
 * the catalog and the experiments (this bean needs them built), and proposes the stale entries' re-runs.
 */
@Singleton
@Requires(property = "faultline.reverify.enabled", notEquals = "false")
public class ReverifyJob {

    private final Reverifier reverifier;
    private final Clock clock;

    /** @param experiments built (the catalog and the experiments caught up) before the first look */
    public ReverifyJob(Reverifier reverifier, Clock clock, ExperimentListener experiments) {
        this.reverifier = reverifier;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${faultline.reverify.every:1h}", initialDelay = "5s")
    void proposeDue() {
        reverifier.proposeDue(clock.instant());
    }
}
