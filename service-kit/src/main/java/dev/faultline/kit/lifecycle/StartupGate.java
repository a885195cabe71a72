package dev.faultline.kit.lifecycle;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Opens once the application context has started: every Kafka listener built, so caught up with its topics. A
 * {@code @Scheduled} bean keeps its work behind {@link io.micronaut.context.BeanProvider}s and this gate. Micronaut
 * creates a scheduled bean on the scheduler's thread at its first tick; when that tick came while the main thread was
 * still building the same singletons (a listener catching up on its topics at start), the creation failed ("Error
 * creating scheduled task … No bean of type … exists") and the job waited for its next period — an hour for the
 * re-verifier.
 */
@Singleton
public class StartupGate implements ApplicationEventListener<StartupEvent> {

    private volatile boolean open;

    @Override
    public void onApplicationEvent(StartupEvent event) {
        open = true;
    }

    /** Whether the context has started (a scheduled job skips its ticks until then). */
    public boolean isOpen() {
        return open;
    }
}
