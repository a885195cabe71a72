package dev.faultline.kit.cassandra;

/**
 * Whether this start created the service's keyspace. A created keyspace has empty tables: listeners that build
 * them as projections of the topics replay from offset zero ({@code EventListenerSupport#rebuildsFromStart}).
 */
public record KeyspaceState(String keyspace, boolean created) {
}
