package dev.faultline.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSummaryTest {

    @Test
    void shouldPickTheLinesThatExplainAFailure(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("child.out"), String.join("\n",
                "10:00:00.000 INFO  [main] o.a.c.service.CassandraDaemon - JVM vendor/version: OpenJDK",
                "10:00:01.000 ERROR [main] o.a.c.service.CassandraDaemon - Exception encountered during startup",
                "java.lang.IllegalStateException: Failed to bind port 9042 on 127.0.0.1.",
                "\tat org.apache.cassandra.transport.Server.start(Server.java:120)",
                "Caused by: io.netty.channel.unix.Errors$NativeIoException: bind(..) failed: Address already in use",
                "10:00:02.000 INFO  [StorageServiceShutdownHook] o.a.c.service.StorageService - Cassandra shutdown complete"));

        String summary = LogSummary.errors(log, 10);

        assertThat(summary).contains("Exception encountered during startup", "Failed to bind port 9042",
                "Caused by: io.netty.channel.unix.Errors$NativeIoException");
        assertThat(summary).doesNotContain("Server.java:120", "JVM vendor", "shutdown complete");
    }

    @Test
    void shouldFallBackToTheLastLinesWhenNothingLooksLikeAnError(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("child.out"), "one\ntwo\nthree\n");

        assertThat(LogSummary.errors(log, 2)).contains("two", "three").doesNotContain("one");
        assertThat(LogSummary.errors(dir.resolve("missing.out"), 2)).isEqualTo("(no output)");
    }
}
