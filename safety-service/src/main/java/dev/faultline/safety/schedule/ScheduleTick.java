package dev.faultline.safety.schedule;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Ticks the {@link ScheduledStarts} every second, so that a deferred preflight runs within a second of its start. */
@Singleton
public class ScheduleTick {

    private final ScheduledStarts starts;

    public ScheduleTick(ScheduledStarts starts) {
        this.starts = starts;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() throws InterruptedException {
        starts.tick();
    }
}
