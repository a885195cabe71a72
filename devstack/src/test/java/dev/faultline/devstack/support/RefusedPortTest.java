package dev.faultline.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class RefusedPortTest {

    @Test
    void aConnectionIsRefusedAndNoServerCanTakeThePortWhileItIsOpen() throws Exception {
        try (RefusedPort refused = RefusedPort.open()) {
            assertThatThrownBy(() -> {
                try (Socket client = new Socket()) {
                    client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), refused.port()), 2_000);
                }
            }).isInstanceOf(ConnectException.class);
            assertThat(FreePorts.isFree(refused.port())).isFalse();
            assertThat(refused.address()).isEqualTo("127.0.0.1:" + refused.port());
        }
    }
}
