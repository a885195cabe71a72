package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.run.CassandraRunStore;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.testing.Keyspaces;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The take-over of a left-over run on real Cassandra: one survivor wins, a run that ended is not brought back, and
 * the heartbeats read as written; a keyspace from before runs had owners gains the column.
 */
@ExtendWith(DevStackExtension.class)
class RunStoreIT {

    @Test
    void shouldLetOneInstanceTakeARunOverAndNeverBringAnEndedRunBack(DevStack stack) {
        String keyspace = "injector_store" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = Keyspaces.session(stack, keyspace)) {
            RunStore first = new CassandraRunStore(session, Journal.instance("injector-1"));
            RunStore second = new CassandraRunStore(session, Journal.instance("injector-2"));
            RunStore.ActiveRecord restored = record();
            first.restoreActive(restored);

            assertThat(second.takeOver(restored.injectionId(), null)).as("nobody's: the first to ask gets it").isTrue();
            assertThat(first.takeOver(restored.injectionId(), null)).as("no longer nobody's").isFalse();
            assertThat(first.active()).singleElement().satisfies(owned -> assertThat(owned.owner()).isEqualTo("injector-2"));
            assertThat(first.takeOver(restored.injectionId(), "injector-2")).as("taken from its owner").isTrue();

            first.removeActive(restored.injectionId()); // the run ended
            assertThat(second.takeOver(restored.injectionId(), "injector-1")).isFalse();
            assertThat(second.takeOver(restored.injectionId(), null)).isFalse();
            assertThat(first.active()).as("a condition on a missing row does not create it").isEmpty();

            Instant at = Instant.parse("2026-12-06T12:00:00Z");
            first.beat(at, "member-1");
            second.beat(at.plusSeconds(1), null);
            assertThat(first.beats()).containsEntry("injector-1", at).containsEntry("injector-2", at.plusSeconds(1));
            first.beat(at.plusSeconds(2), null); // not in its group at this moment: the member recorded before stays
            assertThat(second.members()).as("only the instance that named its member").containsExactly(
                    Map.entry("injector-1", "member-1"));
        }
    }

    @Test
    void shouldReadTheRunsOfAKeyspaceMadeBeforeRunsHadOwnersAsNobodysAndAddTheMemberColumn(DevStack stack) {
        String keyspace = "injector_old" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = Keyspaces.session(stack, keyspace)) {
            session.execute("CREATE TABLE active_injections (injection_id uuid PRIMARY KEY, experiment_id text, "
                    + "holder text, started_at timestamp, cause blob)");
            UUID old = UUID.randomUUID();
            session.execute("INSERT INTO active_injections (injection_id, experiment_id, holder) VALUES (" + old
                    + ", 'exp-old', 'injector:" + old + "')");
            session.execute("CREATE TABLE injector_instances (instance_id text PRIMARY KEY, beat_at timestamp)");

            RunStore store = new CassandraRunStore(session, Journal.instance("injector-1"));

            assertThat(store.active()).singleElement().satisfies(owned -> {
                assertThat(owned.record().injectionId()).isEqualTo(old);
                assertThat(owned.owner()).isNull();
            });
            assertThat(store.takeOver(old, null)).isTrue();
            store.beat(Instant.now(), "member-1");
            assertThat(store.members()).as("the heartbeats' member column, added").containsEntry("injector-1", "member-1");
        }
    }

    private static RunStore.ActiveRecord record() {
        return new RunStore.ActiveRecord(UUID.randomUUID(), "exp-store", "injector:x", Instant.now(), new byte[] {1});
    }
}
