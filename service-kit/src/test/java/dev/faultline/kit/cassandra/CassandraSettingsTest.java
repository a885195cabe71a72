package dev.faultline.kit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.exceptions.NoSuchBeanException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.cassandra.*} keys, bound the way a service binds them. */
class CassandraSettingsTest {

    private static CassandraSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(CassandraSettings.class, properties);
    }

    @Test
    void shouldDefaultToTheLocalDevstackForTheServicesKeyspace() {
        CassandraSettings settings = bind(Map.of("faultline.cassandra.keyspace", "faultline_analysis"));

        assertThat(settings.contactPoint()).isEqualTo(new InetSocketAddress("127.0.0.1", 9042));
        assertThat(settings.datacenter()).isEqualTo("datacenter1");
        assertThat(settings.keyspace()).isEqualTo("faultline_analysis");
        assertThat(settings.replicationFactor()).isEqualTo(1);
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        CassandraSettings settings = bind(Map.of("faultline.cassandra.contact-point", "127.0.0.2:19042",
                "faultline.cassandra.datacenter", "dc-east",
                "faultline.cassandra.keyspace", "injector_it_1",
                "faultline.cassandra.replication-factor", 3));

        assertThat(settings.contactPoint()).isEqualTo(new InetSocketAddress("127.0.0.2", 19042));
        assertThat(settings.datacenter()).isEqualTo("dc-east");
        assertThat(settings.keyspace()).isEqualTo("injector_it_1");
        assertThat(settings.replicationFactor()).isEqualTo(3);
    }

    @Test
    void shouldNotExistForAServiceWithoutAKeyspace() {
        assertThatThrownBy(() -> bind(Map.of())).isInstanceOf(NoSuchBeanException.class);
    }

    @Test
    void shouldRefuseValuesThatWouldFailLaterNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("faultline.cassandra.keyspace", "faultline_x",
                "faultline.cassandra.contact-point", "cassandra")))
                .hasStackTraceContaining("faultline.cassandra.contact-point must be host:port, was cassandra");
        assertThatThrownBy(() -> bind(Map.of("faultline.cassandra.keyspace", "faultline-analysis")))
                .hasStackTraceContaining("faultline.cassandra.keyspace must be a keyspace name");
        assertThatThrownBy(() -> bind(Map.of("faultline.cassandra.keyspace", "faultline_x",
                "faultline.cassandra.replication-factor", 0)))
                .hasStackTraceContaining("faultline.cassandra.replication-factor must be at least 1, was 0");
    }
}
