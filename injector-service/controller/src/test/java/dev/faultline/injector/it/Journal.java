package dev.faultline.injector.it;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.devstack.DevStack;
import dev.faultline.injector.run.CassandraRunStore;
import dev.faultline.injector.run.InjectorInstance;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.schemas.avro.EventHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The run store as another injector instance sees it, on a session of its own. */
record Journal(CqlSession session, CassandraRunStore store) implements AutoCloseable {

    static Journal of(DevStack stack, String keyspace, String instance) {
        CqlSession session = Keyspaces.session(stack, keyspace);
        return new Journal(session, new CassandraRunStore(session, instance(instance)));
    }

    /** An instance named {@code id}, with the default heartbeat and dead-after. */
    static InjectorInstance instance(String id) {
        return new InjectorInstance(id, Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    /** Records an injection this instance runs, as the injector does before it applies the fault. */
    void record(UUID injectionId, String exp, String holder) {
        EventHeader cause = EventHeaders.first(exp, Actors.service("safety-service"), Clock.systemUTC());
        store.recordActive(RunStore.ActiveRecord.of(injectionId, exp, holder, Instant.now().minusSeconds(5), cause));
    }

    @Override
    public void close() {
        session.close();
    }
}
