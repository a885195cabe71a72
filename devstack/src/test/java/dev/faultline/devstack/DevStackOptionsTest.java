package dev.faultline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

    @Test
    void shouldDefaultToTheUsualPortsAndAThrowawayDirectory() {
        DevStackOptions options = DevStackOptions.parse(List.of());

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.registryPort()).isEqualTo(8081);
        assertThat(options.cassandraPort()).isEqualTo(9042);
        assertThat(options.issuerPort()).isEqualTo(8110);
        assertThat(options.usersFile()).isEmpty();
        assertThat(options.dataDir()).isEmpty();
        assertThat(options.keep()).isFalse();
        assertThat(options.exitAfterStart()).isFalse();
    }

    @Test
    void shouldReadEveryOption() {
        DevStackOptions options = DevStackOptions.parse(List.of("--data-dir", "/tmp/fl", "--keep", "--smoke",
                "--kafka-port", "19092", "--kafka-controller-port", "19093", "--registry-port", "0",
                "--cassandra-port", "19042", "--cassandra-storage-port", "17000", "--issuer-port", "18110",
                "--users", "/tmp/users.yaml"));

        assertThat(options).isEqualTo(new DevStackOptions(Optional.of(Path.of("/tmp/fl")), true, true,
                19092, 19093, 0, 19042, 17000, 18110, Optional.of(Path.of("/tmp/users.yaml"))));
    }

    @Test
    void shouldNameTheFlagOfABadPort() {
        assertThatThrownBy(() -> DevStackOptions.parse(List.of("--cassandra-port", "90420")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--cassandra-port").hasMessageContaining("90420");
        assertThatThrownBy(() -> DevStackOptions.parse(List.of("--kafka-port", "x")))
                .hasMessageContaining("--kafka-port");
    }

    @Test
    void shouldRejectUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> DevStackOptions.parse(List.of("--kafka")))
                .hasMessage("unknown option '--kafka'");
        assertThatThrownBy(() -> DevStackOptions.parse(List.of("--data-dir")))
                .hasMessage("--data-dir needs a value");
    }
}
