package dev.faultline.safety.envelope;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Sweeps the {@link MidRunWatch} every second, so that an entry published ahead stops a run when it starts. */
@Singleton
public class MidRunSchedule {

    private final MidRunWatch watch;

    public MidRunSchedule(MidRunWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void sweep() {
        watch.sweep();
    }
}
