package dev.faultline.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Two JVMs on one machine (CI's lanes) never hand out the same port: a reservation holds until its JVM ends. */
    @Test
    void shouldNotHandOutAPortAnotherJvmReservedUntilThatJvmEnds() throws Exception {
        JavaProcesses.Launched other = JavaProcesses.launch(PortReserver.class);
        int port;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> other.printed("reserved "));
            Matcher picked = Pattern.compile("reserved (\\d+)\\.").matcher(other.text());
            assertThat(picked.find()).as(other.text()).isTrue();
            port = Integer.parseInt(picked.group(1));
            assertThat(FreePorts.reserve(port)).as("held by the other JVM").isFalse();
        } finally {
            other.process().destroyForcibly();
            other.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(FreePorts.reserve(port)).as("once that JVM is gone").isTrue();
    }
}
