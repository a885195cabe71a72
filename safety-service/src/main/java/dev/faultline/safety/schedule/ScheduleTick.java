package dev.faultline.safety.schedule;

import dev.faultline.kit.lifecycle.StartupGate;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Ticks the {@link ScheduledStarts} every second, so that a deferred preflight runs within a second of its start —
 * only once the service has started ({@link StartupGate}: its listeners have caught up with their topics), so that
 * no tick reads a schedule that a later event, not read yet, settled or moved.
 */
@Singleton
public class ScheduleTick {

    private final BeanProvider<ScheduledStarts> starts;
    private final StartupGate started;

    public ScheduleTick(BeanProvider<ScheduledStarts> starts, StartupGate started) {
        this.starts = starts;
        this.started = started;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() throws InterruptedException {
        if (started.isOpen()) {
            starts.get().tick();
        }
    }
}
