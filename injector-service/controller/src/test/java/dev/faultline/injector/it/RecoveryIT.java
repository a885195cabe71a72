package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.run.CassandraRunStore;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An injector that died mid-injection left a fault (long lease) and its active-injection row: the next injector
 * removes the fault at start-up and reports the injection LOST with the rollback verified.
 */
@ExtendWith(DevStackExtension.class)
class RecoveryIT {

    @Test
    void shouldRemoveALeftOverFaultAndReportItLost(DevStack stack) throws Exception {
        String suffix = "rec" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-lost-" + suffix;
        UUID injectionId = UUID.randomUUID();
        String holder = "injector:" + injectionId;
        try (TestTarget target = new TestTarget("pricing");
             EventTap tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS))) {
            target.call("POST", "/proxies/pricing/toxics", "{\"name\":\"left-over\",\"type\":\"timeout\",\"stream\":\"upstream\","
                    + "\"attributes\":{\"timeout\":0},\"lease\":{\"holder\":\"" + holder + "\",\"ttl_ms\":600000}}");
            assertThat(target.toxics()).contains("left-over");
            recordDeadInjection(stack, "injector_" + suffix, injectionId, exp, holder);

            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
                InjectionStopped stopped = tap.of(exp, InjectionStopped.class).get(0);
                assertThat(stopped.getReason()).isEqualTo(StopReason.LOST);
                assertThat(stopped.getInjectionId()).isEqualTo(injectionId);
                assertThat(stopped.getRollbackVerified()).isTrue();
                assertThat(stopped.getDetail()).contains("died").contains("left-over");
                assertThat(stopped.getEvidenceBatches()).isNull();
                assertThat(target.toxics()).isEqualTo("[]");
                assertThat(context.getBean(RunStore.class).active()).isEmpty();
            }
        }
    }

    private static void recordDeadInjection(DevStack stack, String keyspace, UUID injectionId, String exp, String holder) throws Exception {
        String[] hostPort = stack.cassandra().address().split(":");
        InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        try (CqlSession bootstrap = CqlSession.builder().addContactPoint(address).withLocalDatacenter("datacenter1").build()) {
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        }
        try (CqlSession session = CqlSession.builder().addContactPoint(address).withLocalDatacenter("datacenter1")
                .withKeyspace(keyspace).build()) {
            EventHeader cause = EventHeaders.first(exp, Actors.service("safety-service"), Clock.systemUTC());
            ByteBuffer bytes = cause.toByteBuffer();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            new CassandraRunStore(session).recordActive(new RunStore.ActiveRecord(injectionId, exp, holder,
                    Instant.now().minusSeconds(5), copy));
        }
    }
}
