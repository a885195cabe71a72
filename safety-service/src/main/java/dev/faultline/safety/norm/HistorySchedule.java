package dev.faultline.safety.norm;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link HistorySampler} every {@code faultline.safety.norms.sample-interval}, from the service's start. */
@Context
public class HistorySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(HistorySchedule.class);

    private final ScheduledFuture<?> rounds;

    public HistorySchedule(HistorySampler sampler, NormSettings settings,
                           @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.rounds = scheduler.scheduleWithFixedDelay(settings.sampleInterval(), settings.sampleInterval(), () -> {
            try {
                sampler.sampleOnce();
            } catch (RuntimeException e) {
                // the next round tries again; a failed round must not end the schedule
                LOG.warn("a round of probe history sampling failed: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        rounds.cancel(false);
    }
}
