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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claims on real Cassandra, as two safety-service instances share them: one session each, one keyspace. */
@ExtendWith(DevStackExtension.class)
class CassandraClaimsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void shouldGiveANameToExactlyOneOfManyRacingForItAcrossSessions(DevStack stack) throws Exception {
        String keyspace = "claims_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession one = Keyspaces.session(stack, keyspace); CqlSession two = Keyspaces.session(stack, keyspace)) {
            List<Claims> instances = List.of(new CassandraClaims(one), new CassandraClaims(two));
            ExecutorService pool = Executors.newFixedThreadPool(8);
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
                List<String> winners = new ArrayList<>();
                for (int i = 0; i < attempts.size(); i++) {
                    if (attempts.get(i).get()) {
                        winners.add("exp-" + i);
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(instances.get(1).read("service/storefront")).hasValueSatisfying(held -> {
                    assertThat(held.holder()).isEqualTo(winners.get(0));
                    assertThat(held.until()).isEqualTo(NOW.plusSeconds(600));
                });
            } finally {
                pool.shutdownNow();
            }

            Claims claims = instances.get(0);
            String holder = claims.read("service/storefront").orElseThrow().holder();
            Claim next = new Claim("service/storefront", "exp-next", NOW.plusSeconds(1), NOW.plusSeconds(600));
            assertThat(claims.swap("service/storefront", "exp-someone-else", next, NOW.plusSeconds(900)))
                    .as("only from its holder").isFalse();
            assertThat(claims.swap("service/storefront", holder, next, NOW.plusSeconds(900))).isTrue();
            assertThat(instances.get(1).read("service/storefront")).map(Claim::holder).hasValue("exp-next");
            Keyspaces.drop(stack, keyspace);
        }
    }

    @Test
    void shouldLetAClaimLapseByItselfAndTheNameBeTakenAgain(DevStack stack) {
        String keyspace = "claims_lapse_" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = Keyspaces.session(stack, keyspace)) {
            Claims claims = new CassandraClaims(session);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Claim brief = new Claim("service/pricing", "exp-dead-instance", now, now.plusSeconds(1));
            assertThat(claims.swap("service/pricing", null, brief, now.plusSeconds(1))).isTrue();
            assertThat(claims.read("service/pricing")).isPresent();

            await().atMost(Duration.ofSeconds(10)).until(() -> claims.read("service/pricing").isEmpty());
            Claim next = new Claim("service/pricing", "exp-next", Instant.now(), Instant.now().plusSeconds(600));
            assertThat(claims.swap("service/pricing", null, next, next.until())).as("free again").isTrue();
            Keyspaces.drop(stack, keyspace);
        }
    }
}
