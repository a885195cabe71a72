package dev.faultline.kit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A service's table-creating beans are created as its context starts, on a thread of their own, without anything
 * asking for them; a context with no keyspace (no Cassandra) creates none.
 */
class EarlyTablesTest {

    private static final Queue<String> CREATED_ON = new ConcurrentLinkedQueue<>();

    @Test
    void shouldCreateEveryTableCreatingBeanAtStartOnAThreadOfItsOwn() {
        CREATED_ON.clear();
        try (ApplicationContext context = ApplicationContext.run(Map.of("faultline.cassandra.keyspace", "early",
                "early-tables-test", true))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> CREATED_ON.size() == 2);

            assertThat(CREATED_ON).containsExactly(EarlyTables.THREAD, EarlyTables.THREAD);
            assertThat(context.getBean(Ledger.class)).as("the bean created ahead is the service's singleton")
                    .isSameAs(context.getBean(Ledger.class));
            assertThat(CREATED_ON).hasSize(2);
        }
    }

    @Test
    void shouldCreateNothingAheadWithoutAKeyspace() {
        CREATED_ON.clear();
        try (ApplicationContext context = ApplicationContext.run(Map.of("early-tables-test", true))) {
            assertThat(context.containsBean(EarlyTables.class)).isFalse();
            context.getBean(Ledger.class);
            assertThat(CREATED_ON).containsExactly(Thread.currentThread().getName());
        }
    }

    /** Stands for a store whose constructor creates its table. */
    @Singleton
    @CreatesTables
    @Requires(property = "early-tables-test")
    static class Ledger {
        Ledger() {
            CREATED_ON.add(Thread.currentThread().getName());
        }
    }

    /** A second one, from a factory method. */
    @io.micronaut.context.annotation.Factory
    @Requires(property = "early-tables-test")
    static class Journals {
        @Singleton
        @CreatesTables
        Journal journal() {
            CREATED_ON.add(Thread.currentThread().getName());
            return new Journal();
        }
    }

    static final class Journal {
    }
}
