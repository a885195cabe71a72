package dev.faultline.injector.run;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.injector.halt.HaltHandler;
import dev.faultline.injector.probe.Prober;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts each cleared injection on a thread of its own, and keeps it in {@link ActiveRuns} while it runs. */
@Singleton
public class InjectionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InjectionRunner.class);

    private final Prober prober;
    private final InjectionEvents events;
    private final RunStore store;
    private final RunMetrics metrics;
    private final InjectorSettings settings;
    private final ActiveRuns active;
    private final HaltHandler halts;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "injection");
        t.setDaemon(true);
        return t;
    });

    public InjectionRunner(Prober prober, InjectionEvents events, RunStore store,
                           RunMetrics metrics, InjectorSettings settings, ActiveRuns active, HaltHandler halts) {
        this.prober = prober;
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.settings = settings;
        this.active = active;
        this.halts = halts;
    }

    public InjectionRun launch(RunRequest request) {
        InjectionRun run = new InjectionRun(request, prober, events, store, metrics, settings.timings(),
                Clock.systemUTC());
        active.add(run);
        halts.haltOf(request).ifPresent(run::stop); // a halt in force: it stops before its fault is applied
        threads.submit(() -> {
            try {
                run.execute();
            } catch (RuntimeException e) {
                LOG.error("injection {} of {} ended abnormally", request.injectionId(), request.experimentId(), e);
            } finally {
                active.remove(run);
            }
        });
        return run;
    }
}
