package dev.faultline.devstack.container;

import dev.faultline.devstack.cassandra.CassandraConfig;
import dev.faultline.devstack.cassandra.CassandraNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prepares a Cassandra container's node: writes the devstack's single-node configuration under {@code --data}, the
 * node listening on the container's own address and serving CQL on every interface, and prints the JVM options the
 * entry point starts {@code CassandraDaemon} with (one per line: a {@code java @file} argument file).
 * {@code CassandraArgsMain --data /var/lib/cassandra [--heap 512m] [--cql-port 9042] [--storage-port 7000]}.
 */
public final class CassandraArgsMain {

    static final String USAGE = "usage: CassandraArgsMain --data DIR [--heap 512m] [--cql-port 9042] [--storage-port 7000]\n";

    private CassandraArgsMain() {
    }

    public static void main(String[] args) throws UnknownHostException {
        ContainerArgs options = ContainerArgs.parse(args, Set.of("--data", "--heap", "--cql-port", "--storage-port"), USAGE);
        Path dir = Path.of(options.require("--data", USAGE)).toAbsolutePath();
        String address = InetAddress.getLocalHost().getHostAddress();
        CassandraConfig config = new CassandraConfig(dir, options.number("--cql-port", 9042),
                options.number("--storage-port", 7000), address, "0.0.0.0");
        config.write();
        String heap = options.get("--heap", "512m");
        List<String> jvm = new ArrayList<>();
        for (String arg : CassandraNode.jvmArgs(config)) {
            jvm.add(arg.startsWith("-Xmx") ? "-Xmx" + heap : arg);
        }
        try {
            Files.write(dir.resolve("jvm.args"), jvm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("jvm.args"), e);
        }
        System.out.println(dir.resolve("jvm.args"));
    }
}
