package dev.faultline.kit.cassandra;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a bean (or a factory method) whose creation creates tables in the service's keyspace with {@code CREATE TABLE IF
 * NOT EXISTS}: {@link EarlyTables} creates every such bean as soon as the service's context starts, on a thread of its
 * own, so that Cassandra works through the service's tables while the rest of the service starts.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface CreatesTables {
}
