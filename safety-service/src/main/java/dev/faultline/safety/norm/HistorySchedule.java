package dev.faultline.safety.norm;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link HistorySampler} every {@code faultline.safety.norms.sample-interval} once the service is up (its
 * HTTP server started), so that a context that only binds settings samples nothing.
 */
@Singleton
public class HistorySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(HistorySchedule.class);

    private final HistorySampler sampler;
    private final NormSettings settings;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> rounds;

    public HistorySchedule(HistorySampler sampler, NormSettings settings,
                           @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.sampler = sampler;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @EventListener
    synchronized void start(ServerStartupEvent started) {
        if (rounds == null) {
            rounds = scheduler.scheduleWithFixedDelay(settings.sampleInterval(), settings.sampleInterval(), this::round);
        }
    }

    private void round() {
        try {
            sampler.sampleOnce();
        } catch (RuntimeException e) {
            // the next round tries again; a failed round must not end the schedule
            LOG.warn("a round of probe history sampling failed: {}", e.toString());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
