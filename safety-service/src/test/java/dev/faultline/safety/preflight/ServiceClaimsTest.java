package dev.faultline.safety.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.support.InMemoryClaims;
import dev.faultline.safety.support.Plans;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The environment's budget lock: two clearances, as on two instances sharing one claims table. */
class ServiceClaimsTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant EXPIRES = NOON.plusSeconds(600);

    private final CountingClaims claims = new CountingClaims();
    private final ActiveInjections injections = new ActiveInjections();
    private final ExecutorService instances = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        instances.shutdownNow();
    }

    @Test
    void shouldCheckTheBudgetAndTakeTheServiceForOneClearanceAtATimeInAnEnvironment() throws Exception {
        ServiceClaims one = new ServiceClaims(claims, injections, Clock.fixed(NOON, ZoneOffset.UTC));
        ServiceClaims two = new ServiceClaims(claims, injections, Clock.fixed(NOON, ZoneOffset.UTC));
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean secondChecked = new AtomicBoolean();

        Future<Optional<CheckResult>> first = instances.submit(() -> one.takeWithinBudget(on("exp-a", "checkout"), EXPIRES,
                () -> {
                    checking.countDown();
                    await().atMost(Duration.ofSeconds(5)).until(() -> done.getCount() == 0);
                    return withinBudget();
                }));
        assertThat(checking.await(5, TimeUnit.SECONDS)).isTrue();
        int refusedBefore = claims.refusedLocks.get();
        Future<Optional<CheckResult>> second = instances.submit(() -> two.takeWithinBudget(on("exp-b", "search"), EXPIRES,
                () -> {
                    secondChecked.set(true);
                    return withinBudget();
                }));
        // the second has asked for the lock and been refused, again and again, while the first checks
        await().atMost(Duration.ofSeconds(5)).until(() -> claims.refusedLocks.get() >= refusedBefore + 3);
        assertThat(secondChecked).as("not checked while the first holds the budget").isFalse();

        done.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(second.get(5, TimeUnit.SECONDS)).as("then checked and taken").isEmpty();
        assertThat(secondChecked).isTrue();
        assertThat(claims.within("service/PRODUCTION")).extracting(Claims.Claim::holder)
                .containsExactlyInAnyOrder("exp-a", "exp-b");
        assertThat(claims.read("budget/PRODUCTION")).as("let go").isEmpty();
    }

    @Test
    void shouldNotTakeTheServiceWhenTheBudgetIsExceededNow() {
        ServiceClaims claimsOf = new ServiceClaims(claims, injections, Clock.fixed(NOON, ZoneOffset.UTC));
        CheckResult over = CheckResult.failed(PreflightCheckKind.BLAST_BUDGET, "0.55 exceeds 0.50", Map.of());

        assertThat(claimsOf.takeWithinBudget(on("exp-a", "checkout"), EXPIRES, () -> over)).hasValue(over);
        assertThat(claims.read("service/PRODUCTION/checkout")).isEmpty();
        assertThat(claims.read("budget/PRODUCTION")).isEmpty();
    }

    private static Plan on(String experimentId, String service) {
        return Plans.other(experimentId, service, Environment.PRODUCTION, 0.2);
    }

    private static CheckResult withinBudget() {
        return CheckResult.passed(PreflightCheckKind.BLAST_BUDGET, "within", Map.of());
    }

    /** Claims in a map that count the refused attempts at a budget lock. */
    private static final class CountingClaims implements Claims {
        final InMemoryClaims claims = new InMemoryClaims();
        final AtomicInteger refusedLocks = new AtomicInteger();

        @Override
        public Optional<Claim> read(String name) {
            return claims.read(name);
        }

        @Override
        public List<Claim> within(String scope) {
            return claims.within(scope);
        }

        @Override
        public boolean swap(String name, String expected, Claim next, Instant keepUntil) {
            boolean swapped = claims.swap(name, expected, next, keepUntil);
            if (!swapped && name.startsWith("budget/")) {
                refusedLocks.incrementAndGet();
            }
            return swapped;
        }

        @Override
        public boolean release(String name, String holder) {
            return claims.release(name, holder);
        }
    }
}
