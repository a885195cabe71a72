package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.dataplane.api.ApiException;
import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void shouldReadTheAddressFormsToxiproxyAccepts() {
        assertThat(Address.parse("listen", "127.0.0.1:8474")).isEqualTo(new Address("127.0.0.1", 8474));
        assertThat(Address.parse("listen", "localhost:0")).isEqualTo(new Address("localhost", 0));
        assertThat(Address.parse("listen", ":26379")).isEqualTo(new Address("0.0.0.0", 26379));
        assertThat(Address.parse("listen", "[::1]:80")).isEqualTo(new Address("::1", 80));
        assertThat(new Address("::1", 80)).hasToString("[::1]:80");
    }

    @Test
    void shouldSayWhatIsWrongWithABadAddress() {
        assertThatThrownBy(() -> Address.parse("upstream", "redis")).isInstanceOf(ApiException.class)
                .hasMessage("upstream must be host:port, was 'redis'");
        assertThatThrownBy(() -> Address.parse("upstream", "redis:70000")).hasMessage("upstream port must be 0..65535, was 70000");
        assertThatThrownBy(() -> Address.parse("upstream", "")).hasMessage("missing required field: upstream (host:port)");
    }
}
