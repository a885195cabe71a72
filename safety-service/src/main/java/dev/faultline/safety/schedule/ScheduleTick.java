package dev.faultline.safety.schedule;

import dev.faultline.safety.PlanListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Ticks the {@link ScheduledStarts} every second, so that a deferred preflight runs within a second of its start —
 * only once the {@link PlanListener} has caught up with its topics (this bean needs it built), so that no tick reads
 * a schedule that a later event, not read yet, settled or moved.
 */
@Singleton
public class ScheduleTick {

    private final ScheduledStarts starts;

    /** @param caughtUp built (the safety topic and the others read to their end) before the first tick */
    public ScheduleTick(ScheduledStarts starts, PlanListener caughtUp) {
        this.starts = starts;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() throws InterruptedException {
        starts.tick();
    }
}
