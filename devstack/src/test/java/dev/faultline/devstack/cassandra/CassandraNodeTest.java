package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraNodeTest {

    @Test
    void shouldRefuseATakenCqlPortBeforeLaunchingAnything(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> CassandraNode.start(dir, busy.getLocalPort()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port " + busy.getLocalPort() + " (Cassandra CQL) is already in use on 127.0.0.1");
        }
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void shouldKeepEveryDirectoryOfTheNodeUnderItsWorkDirectory(@TempDir Path dir) {
        CassandraConfig config = new CassandraConfig(dir, 19042, 17000);

        String yaml = config.yaml();

        assertThat(yaml).contains("native_transport_port: 19042", "storage_port: 17000",
                "seeds: \"127.0.0.1:17000\"", "commitlog_directory: " + dir.resolve("commitlog"),
                "hints_directory: " + dir.resolve("hints"), "auto_snapshot: false");
        assertThat(yaml.lines().filter(line -> line.contains("/"))).allMatch(line -> line.contains(dir.toString()));
    }

    @Test
    void shouldPassCassandrasOwnJdk17ModuleFlags(@TempDir Path dir) {
        var args = CassandraNode.jvmArgs(new CassandraConfig(dir, 19042, 17000));

        assertThat(args).contains("-Dcassandra-foreground=yes", "-Dcassandra.config=" + dir.resolve("cassandra.yaml").toUri());
        assertThat(String.join(" ", args)).contains("--add-opens java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED");
    }
}
