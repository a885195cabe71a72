package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void shouldPickAFreePortForEveryZero() {
        StackPorts ports = StackPorts.free().resolve();

        assertThat(IntStream.of(ports.kafka(), ports.registry(), ports.cassandra(), ports.dataplane(), ports.pricingProxy(),
                ports.pricingHttpProxy(), ports.pricing(), ports.storefront(), ports.carrierProxy(), ports.carrier(), ports.shipping(),
                ports.fulfilment(), ports.agent(), ports.hypothesis(), ports.catalog(), ports.issuer())).allMatch(port -> port > 0);
    }

    @Test
    void shouldNameAFixedPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackPorts ports = new StackPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, taken.getLocalPort(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

            assertThatThrownBy(ports::resolve).hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("storefront");
        }
    }

    @Test
    void shouldKeepTheDocumentedDemoPorts() {
        StackPorts demo = StackPorts.demo();

        assertThat(demo.storefront()).isEqualTo(18080);
        assertThat(demo.issuer()).isEqualTo(8110);
        assertThat(demo.pricing()).isEqualTo(18090);
        assertThat(demo.pricingProxy()).isEqualTo(18091);
        assertThat(demo.pricingHttpProxy()).isEqualTo(18094);
        assertThat(demo.shipping()).isEqualTo(18081);
        assertThat(demo.carrier()).isEqualTo(18092);
        assertThat(demo.carrierProxy()).isEqualTo(18093);
        assertThat(demo.fulfilment()).isEqualTo(18082);
        assertThat(demo.dataplane()).isEqualTo(8474);
        assertThat(demo.agent()).isEqualTo(8479);
        assertThat(demo.hypothesis()).isEqualTo(8101);
        assertThat(demo.catalog()).isEqualTo(8105);
    }
}
