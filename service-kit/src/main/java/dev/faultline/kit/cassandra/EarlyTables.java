package dev.faultline.kit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every {@link CreatesTables} bean as the service's context starts, one after the other on a thread of its own
 * (in the service's thread group, so its log lines name the service), while the start thread goes on with Kafka, the
 * listeners and the HTTP server. Whoever needs such a bean first waits for it as for any singleton being created.
 * Then it turns the session's schema metadata on ({@link CassandraFactory#tablesCreated}).
 *
 * <p>Why: Cassandra applies schema changes one at a time, a few hundred milliseconds of its CPU each. On a fresh local
 * stack the services create 29 tables, and each service used to reach its first {@code CREATE TABLE} only once its
 * Kafka clients and topics were ready — so for seconds Cassandra had nothing to do, then the services had nothing to
 * do but wait for it. A bean that fails here (Cassandra unreachable) is only logged: the start thread creates it again
 * when it needs it, and fails the start as before.
 */
@Context
@Requires(property = "faultline.cassandra.keyspace")
final class EarlyTables {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyTables.class);
    static final String THREAD = "cassandra-tables";

    EarlyTables(BeanContext context) {
        Thread thread = new Thread(() -> createAll(context), THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    private static void createAll(BeanContext context) {
        long started = System.nanoTime();
        int created = 0;
        for (BeanDefinition<?> definition : context.getBeanDefinitions(Qualifiers.byStereotype(CreatesTables.class))) {
            try {
                context.getBean(definition);
                created++;
            } catch (RuntimeException e) {
                LOG.info("{} not created ahead ({}); it will be when first needed", definition.getBeanType().getName(),
                        e.toString());
            }
        }
        LOG.info("{} table-creating beans created ahead in {} ms", created, (System.nanoTime() - started) / 1_000_000);
        try {
            CassandraFactory.tablesCreated(context.getBean(CqlSession.class));
        } catch (RuntimeException e) {
            // the context closed while the tables were being created, or Cassandra was unreachable (the start fails)
            LOG.info("schema metadata not turned on: no session ({})", e.toString());
        }
    }
}
