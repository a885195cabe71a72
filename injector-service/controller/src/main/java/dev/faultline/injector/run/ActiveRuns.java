package dev.faultline.injector.run;

import dev.faultline.schemas.avro.StopReason;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs in progress in this process: for halts, for {@code GET /injections}, and for the JVM shutdown hook that
 * removes their faults on SIGTERM (on SIGKILL their leases' expiry does it).
 */
@Singleton
public class ActiveRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuns.class);

    private final Map<UUID, InjectionRun> runs = new ConcurrentHashMap<>();
    private final Thread hook;

    public ActiveRuns() {
        this.hook = new Thread(this::releaseAll, "injector-shutdown-release");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public void add(InjectionRun run) {
        runs.put(run.request().injectionId(), run);
    }

    public void remove(InjectionRun run) {
        runs.remove(run.request().injectionId());
    }

    public List<InjectionRun> list() {
        return List.copyOf(runs.values());
    }

    /** Stops every run that {@code which} selects; returns how many. */
    public int stop(Predicate<RunRequest> which, StopCause cause) {
        List<InjectionRun> selected = runs.values().stream().filter(r -> which.test(r.request())).toList();
        selected.forEach(r -> r.stop(cause));
        return selected.size();
    }

    /** Removes the fault of every active run directly in its place (process shutdown). */
    void releaseAll() {
        for (InjectionRun run : runs.values()) {
            try {
                boolean verified = run.request().fault().remove();
                LOG.info("shutdown: removed the fault of {} from {} (verified gone: {})", run.request().holder(),
                        run.request().fault().where(), verified);
            } catch (RuntimeException e) {
                LOG.warn("shutdown: cannot remove faults of {} (its lease will expire): {}", run.request().holder(), e.getMessage());
            }
        }
    }

    /** Context shutdown (SIGTERM): faults removed first, then the runs are told to stop. */
    @PreDestroy
    void close() {
        releaseAll();
        runs.values().forEach(r -> r.stop(StopCause.of(StopReason.FAILED,
                "injector-service shut down during the injection; its faults were removed by the shutdown hook")));
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
