package dev.faultline.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldRefuseAPortInUseNamingThePortAndTheFlag() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();

            assertThat(FreePorts.isFree(port)).isFalse();
            assertThatThrownBy(() -> FreePorts.resolve(port, "Kafka", "--kafka-port"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("port " + port + " (Kafka) is already in use")
                    .hasMessageContaining("--kafka-port");
        }
    }

    @Test
    void shouldKeepAFreeFixedPortAndPickOneForZero() {
        int free = FreePorts.next();

        assertThat(FreePorts.resolve(free, "Kafka", "--kafka-port")).isEqualTo(free);
        assertThat(FreePorts.resolve(0, "Kafka", "--kafka-port")).isPositive().isNotEqualTo(0);
    }

    @Test
    void shouldHandOutDistinctPortsOutsideTheEphemeralRange() {
        // a stack picks its twenty-odd ports before it binds any: none may come twice, nor from the range where
        // outgoing connections take their local ports
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ports.add(FreePorts.next());
        }
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(20_000, 31_999));
    }
}
