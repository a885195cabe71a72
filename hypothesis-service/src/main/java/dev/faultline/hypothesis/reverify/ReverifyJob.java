package dev.faultline.hypothesis.reverify;

import dev.faultline.kit.lifecycle.StartupGate;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Looks through the catalog once the service has started ({@link StartupGate}: the listeners have read the catalog
 * and the experiments), then every {@code faultline.reverify.every}, and proposes the stale entries' re-runs. It
 * checks every second whether a look is due, so that a start slower than the first tick delays the first look by a
 * second, not by a whole period.
 */
@Singleton
@Requires(property = "faultline.reverify.enabled", notEquals = "false")
public class ReverifyJob {

    private final BeanProvider<Reverifier> reverifier;
    private final ReverifySettings settings;
    private final StartupGate started;
    private final Clock clock;
    private Instant next;

    public ReverifyJob(BeanProvider<Reverifier> reverifier, ReverifySettings settings, StartupGate started, Clock clock) {
        this.reverifier = reverifier;
        this.settings = settings;
        this.started = started;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void proposeIfDue() {
        Instant now = clock.instant();
        if (!started.isOpen() || (next != null && now.isBefore(next))) {
            return;
        }
        next = now.plus(settings.every());
        reverifier.get().proposeDue(now);
    }
}
