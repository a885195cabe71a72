package dev.faultline.safety.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.safety.claim.Claims.Claim;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claims on real Cassandra, as two safety-service instances share them: a session each, one keyspace. */
@ExtendWith(DevStackExtension.class)
class CassandraClaimsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String KEYSPACE = "claims_it_" + UUID.randomUUID().toString().substring(0, 8);

    private static CqlSession one;
    private static CqlSession two;

    @BeforeAll
    static void connect(DevStack stack) {
        one = Keyspaces.session(stack, KEYSPACE);
        two = Keyspaces.session(stack, KEYSPACE);
    }

    @AfterAll
    static void drop(DevStack stack) {
        one.close();
        two.close();
        Keyspaces.drop(stack, KEYSPACE);
    }

    @Test
    void shouldGiveANameToExactlyOneOfManyRacingForItAcrossSessions() throws Exception {
        List<Claims> instances = List.of(new CassandraClaims(one), new CassandraClaims(two));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> winners = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Claims claims = instances.get(i % 2);
                Claim mine = new Claim("service/storefront", "exp-" + i, NOW, NOW.plusSeconds(600));
                attempts.add(pool.submit(() -> {
                    go.await();
                    return claims.swap(mine.name(), null, mine, NOW.plusSeconds(900));
                }));
            }
            go.countDown();
            for (int i = 0; i < attempts.size(); i++) {
                if (attempts.get(i).get()) {
                    winners.add("exp-" + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasSize(1);
        assertThat(instances.get(1).read("service/storefront")).hasValueSatisfying(held -> {
            assertThat(held.holder()).isEqualTo(winners.get(0));
            assertThat(held.until()).isEqualTo(NOW.plusSeconds(600));
        });

        Claim next = new Claim("service/storefront", "exp-next", NOW.plusSeconds(1), NOW.plusSeconds(600));
        assertThat(instances.get(0).swap("service/storefront", "exp-someone-else", next, NOW.plusSeconds(900)))
                .as("only from its holder").isFalse();
        assertThat(instances.get(0).swap("service/storefront", winners.get(0), next, NOW.plusSeconds(900))).isTrue();
        assertThat(instances.get(1).read("service/storefront")).map(Claim::holder).hasValue("exp-next");

        Claim halt = new Claim("halt/" + UUID.randomUUID(), "safety-1", NOW, NOW.plusSeconds(60));
        assertThat(instances.get(1).swap(halt.name(), null, halt, NOW.plusSeconds(90))).isTrue();
        assertThat(instances.get(0).within("service")).as("one scope's claims, held now").extracting(Claim::name)
                .containsExactly("service/storefront");
        assertThat(instances.get(0).within("halt")).extracting(Claim::holder).containsExactly("safety-1");
    }

    @Test
    void shouldLetOnlyTheHolderLetGoAndTheNameBeTakenAtOnce() {
        Claims first = new CassandraClaims(one);
        Claims second = new CassandraClaims(two);
        Claim lock = new Claim("budget/PRODUCTION", "clearance-a", NOW, NOW.plusSeconds(10));
        assertThat(first.swap(lock.name(), null, lock, NOW.plusSeconds(10))).isTrue();
        Claim other = new Claim(lock.name(), "clearance-b", NOW, NOW.plusSeconds(10));
        assertThat(second.swap(lock.name(), null, other, NOW.plusSeconds(10))).as("held").isFalse();

        assertThat(second.release(lock.name(), "clearance-b")).as("not by another").isFalse();
        assertThat(second.read(lock.name())).map(Claim::holder).hasValue("clearance-a");
        assertThat(first.release(lock.name(), "clearance-a")).isTrue();
        assertThat(second.read(lock.name())).as("let go, seen by the other session").isEmpty();
        assertThat(second.swap(lock.name(), null, other, NOW.plusSeconds(10))).as("taken at once").isTrue();
        assertThat(first.release(lock.name(), "clearance-a")).as("not twice").isFalse();
    }

    @Test
    void shouldLetAClaimLapseByItselfAndTheNameBeTakenAgain() {
        Claims claims = new CassandraClaims(one);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Claim brief = new Claim("lapse/pricing", "exp-dead-instance", now, now.plusSeconds(1));
        assertThat(claims.swap("lapse/pricing", null, brief, now.plusSeconds(1))).isTrue();
        assertThat(claims.read("lapse/pricing")).isPresent();

        await().atMost(Duration.ofSeconds(10)).until(() -> claims.read("lapse/pricing").isEmpty());
        Claim next = new Claim("lapse/pricing", "exp-next", Instant.now(), Instant.now().plusSeconds(600));
        assertThat(claims.swap("lapse/pricing", null, next, next.until())).as("free again").isTrue();
    }
}
