package dev.faultline.kit.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;

/**
 * The health of one dependency a service cannot work without: a cheap question put to it asynchronously, DOWN when
 * the answer fails or does not come within {@code faultline.health.timeout}, so that {@code /health} answers 503
 * promptly instead of hanging. An answer is reused for {@code faultline.health.cache-for}, and concurrent probes
 * share the question in flight.
 */
public abstract class DependencyHealth implements HealthIndicator {

    private final String name;
    private final Duration timeout;
    private final long cacheForNanos;
    private CompletableFuture<HealthResult> latest;
    private long answeredAt;

    protected DependencyHealth(String name, HealthSettings settings) {
        this.name = name;
        this.timeout = settings.timeout();
        this.cacheForNanos = settings.cacheFor().toNanos();
    }

    /** Asks the dependency; completes with the details to show when it answered, exceptionally when it did not. */
    protected abstract CompletionStage<Map<String, Object>> check();

    /** The details shown with either status (where the dependency is). */
    protected abstract Map<String, Object> where();

    protected Duration timeout() {
        return timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(this::current);
    }

    synchronized CompletableFuture<HealthResult> current() {
        boolean fresh = latest != null && (!latest.isDone() || System.nanoTime() - answeredAt < cacheForNanos);
        if (fresh) {
            return latest;
        }
        CompletableFuture<HealthResult> next = ask().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((details, error) -> error == null ? up(details) : down(error));
        latest = next;
        next.whenComplete((result, error) -> answered());
        return next;
    }

    private synchronized void answered() {
        answeredAt = System.nanoTime();
    }

    /** The check's answer on a future of our own, so that timing it out never completes the client's future. */
    private CompletableFuture<Map<String, Object>> ask() {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        try {
            check().whenComplete((details, error) -> {
                if (error == null) {
                    answer.complete(details);
                } else {
                    answer.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private HealthResult up(Map<String, Object> details) {
        Map<String, Object> shown = new LinkedHashMap<>(where());
        shown.putAll(details);
        return HealthResult.builder(name, HealthStatus.UP).details(shown).build();
    }

    private HealthResult down(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Map<String, Object> shown = new LinkedHashMap<>(where());
        shown.put("error", cause instanceof TimeoutException
                ? "no answer within " + timeout.toMillis() + " ms"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return HealthResult.builder(name, HealthStatus.DOWN).details(shown).build();
    }
}
