package dev.faultline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final MutableClock clock = new MutableClock();

    @Test
    void shouldAskTheRegistryOnceForIdsAndSchemas() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(registry, null, clock);
        int id = 0;
        for (int i = 0; i < 10; i++) {
            id = cached.register("s", HypothesisDrafted.getClassSchema());
            cached.lookUp("s", HypothesisDrafted.getClassSchema());
            assertThat(cached.schemaById(id)).isEqualTo(HypothesisDrafted.getClassSchema());
        }
        assertThat(registry.calls.get()).isEqualTo(2); // one register, one look-up; the id came with the registration
    }

    @Test
    void shouldRefreshTheLatestVersionAfterItsTtl() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(registry, Duration.ofSeconds(30), clock);
        registry.register("s", HypothesisDrafted.getClassSchema());
        assertThat(cached.latest("s").version()).isEqualTo(1);
        registry.register("s", PlanApproved.getClassSchema());

        clock.advance(Duration.ofSeconds(29));
        assertThat(cached.latest("s").version()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cached.latest("s").version()).isEqualTo(2);
    }

    @Test
    void shouldNotCacheErrors() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(registry, null, clock);
        assertThatThrownBy(() -> cached.schemaById(100)).isInstanceOf(RegistryException.class);
        int id = registry.register("s", HypothesisDrafted.getClassSchema());
        assertThat(cached.schemaById(id)).isEqualTo(HypothesisDrafted.getClassSchema());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
