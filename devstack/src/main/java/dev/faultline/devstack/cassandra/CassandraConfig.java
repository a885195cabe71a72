package dev.faultline.devstack.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated configuration of a single-node Cassandra: a {@code cassandra.yaml} with all data
 * under {@code dir} and a Logback configuration for the node's log. The node listens on {@code listenAddress} (its
 * own seed) and serves CQL on {@code rpcAddress}; the devstack keeps both on loopback, a container listens on its
 * network address and serves CQL on every interface.
 *
 * <p>Sized for a development stack's few thousand rows, each choice measured with the demo's memory table (README,
 * "Figures"): memtables on the heap without 1 MiB slabs ({@code unslabbed_heap_buffers}: every table written to held
 * at least one slab, 30 MB of the node's live heap); one 8 MiB chunk for the file cache's buffer pool and 4 MiB for
 * the network's (a read the pool cannot serve gets a buffer of its own); small key cache; one compactor.
 */
public record CassandraConfig(Path dir, int nativePort, int storagePort, String listenAddress, String rpcAddress) {

    /** On loopback only: the devstack's node. */
    CassandraConfig(Path dir, int nativePort, int storagePort) {
        this(dir, nativePort, storagePort, "127.0.0.1", "127.0.0.1");
    }

    public Path yamlFile() {
        return dir.resolve("cassandra.yaml");
    }

    Path logbackFile() {
        return dir.resolve("logback.xml");
    }

    /** Writes both files and creates the data directories. */
    public void write() {
        try {
            for (String sub : new String[] {"data", "commitlog", "saved_caches", "hints", "cdc_raw", "logs"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(yamlFile(), yaml());
            Files.writeString(logbackFile(), LOGBACK);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Cassandra configuration in " + dir, e);
        }
    }

    String yaml() {
        Path d = dir.toAbsolutePath();
        return """
                cluster_name: faultline-devstack
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                data_file_directories:
                  - %s
                commitlog_directory: %s
                saved_caches_directory: %s
                hints_directory: %s
                cdc_raw_directory: %s
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 8MiB
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%s:%d"
                listen_address: %s
                rpc_address: %s
                %sstorage_port: %d
                native_transport_port: %d
                start_native_transport: true
                endpoint_snitch: SimpleSnitch
                dynamic_snitch: false
                memtable_allocation_type: unslabbed_heap_buffers
                auto_snapshot: false
                snapshot_before_compaction: false
                concurrent_reads: 4
                concurrent_writes: 4
                concurrent_counter_writes: 4
                concurrent_compactors: 1
                key_cache_size: 8MiB
                file_cache_size: 8MiB
                networking_cache_size: 4MiB
                """.formatted(d.resolve("data"), d.resolve("commitlog"), d.resolve("saved_caches"),
                d.resolve("hints"), d.resolve("cdc_raw"), listenAddress, storagePort, listenAddress, rpcAddress,
                rpcAddress.equals("0.0.0.0") ? "broadcast_rpc_address: " + listenAddress + "\n" : "",
                storagePort, nativePort);
    }

    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
