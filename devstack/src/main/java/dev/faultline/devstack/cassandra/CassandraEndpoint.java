package dev.faultline.devstack.cassandra;

/** A running Cassandra node and where it serves CQL: a devstack's child JVM, or a container; its stack stops it. */
public interface CassandraEndpoint extends AutoCloseable {

    String host();

    int port();

    /** The data centre name drivers must use as their local one. */
    String localDatacenter();

    /** {@code host:port}. */
    default String address() {
        return host() + ":" + port();
    }

    @Override
    void close();
}
