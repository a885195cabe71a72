package dev.faultline.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DependencyHealthTest {

    @Test
    void shouldBeUpWithTheDetailsOfTheAnswer() {
        HealthResult result = new Stub(settings(Duration.ofSeconds(1), Duration.ZERO),
                () -> CompletableFuture.completedFuture(Map.of("nodes", 1))).current().join();

        assertThat(result.getName()).isEqualTo("stub");
        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(details(result)).containsEntry("nodes", 1).containsEntry("at", "127.0.0.1:1");
    }

    @Test
    void shouldBeDownWithTheErrorWhenTheCheckFails() {
        HealthResult result = new Stub(settings(Duration.ofSeconds(1), Duration.ZERO),
                () -> CompletableFuture.failedFuture(new IllegalStateException("no node available"))).current().join();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("error", "IllegalStateException: no node available")
                .containsEntry("at", "127.0.0.1:1");
    }

    @Test
    void shouldBeDownWhenTheCheckThrowsBeforeReturningAStage() {
        HealthResult result = new Stub(settings(Duration.ofSeconds(1), Duration.ZERO), () -> {
            throw new IllegalArgumentException("bad address");
        }).current().join();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void shouldBeDownAtTheDeadlineWhenTheDependencyDoesNotAnswer() {
        long started = System.nanoTime();
        HealthResult result = new Stub(settings(Duration.ofMillis(150), Duration.ZERO), CompletableFuture::new)
                .current().join();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("error", "no answer within 150 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldReuseAnAnswerForCacheForAndShareACheckInFlight() {
        AtomicInteger checks = new AtomicInteger();
        CompletableFuture<Map<String, Object>> pending = new CompletableFuture<>();
        Stub cached = new Stub(settings(Duration.ofSeconds(5), Duration.ofHours(1)), () -> {
            checks.incrementAndGet();
            return pending;
        });

        CompletableFuture<HealthResult> first = cached.current();
        CompletableFuture<HealthResult> second = cached.current();
        pending.complete(Map.of());

        assertThat(second).isSameAs(first);
        assertThat(cached.current().join().getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(checks).hasValue(1);
    }

    @Test
    void shouldAskAgainOnceTheAnswerIsOlderThanCacheFor() {
        AtomicInteger checks = new AtomicInteger();
        Stub uncached = new Stub(settings(Duration.ofSeconds(1), Duration.ZERO), () -> {
            checks.incrementAndGet();
            return CompletableFuture.completedFuture(Map.of());
        });

        uncached.current().join();
        uncached.current().join();

        assertThat(checks).hasValue(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    private static HealthSettings settings(Duration timeout, Duration cacheFor) {
        return new HealthSettings(timeout, cacheFor);
    }

    private static final class Stub extends DependencyHealth {

        private final Supplier<CompletionStage<Map<String, Object>>> answer;

        Stub(HealthSettings settings, Supplier<CompletionStage<Map<String, Object>>> answer) {
            super("stub", settings);
            this.answer = answer;
        }

        @Override
        protected CompletionStage<Map<String, Object>> check() {
            return answer.get();
        }

        @Override
        protected Map<String, Object> where() {
            return Map.of("at", "127.0.0.1:1");
        }
    }
}
