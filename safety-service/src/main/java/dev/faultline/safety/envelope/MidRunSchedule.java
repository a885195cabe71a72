package dev.faultline.safety.envelope;

import dev.faultline.kit.lifecycle.StartupGate;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Sweeps the {@link MidRunWatch} every second once the service has started ({@link StartupGate}), so that an entry
 * published ahead stops a run when it starts.
 */
@Singleton
public class MidRunSchedule {

    private final BeanProvider<MidRunWatch> watch;
    private final StartupGate started;

    public MidRunSchedule(BeanProvider<MidRunWatch> watch, StartupGate started) {
        this.watch = watch;
        this.started = started;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void sweep() {
        if (started.isOpen()) {
            watch.get().sweep();
        }
    }
}
