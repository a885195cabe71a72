package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.shipping.ShippingConfig;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShippingMainTest {

    @Test
    void shouldDefaultToTheDemoSettings() {
        assertThat(ShippingMain.parse(new String[0])).isEqualTo(ShippingConfig.defaults());
    }

    @Test
    void shouldReadEveryFlag() {
        ShippingConfig config = ShippingMain.parse(new String[] {"--port", "0", "--carrier-url", "http://x:1",
            "--carrier-timeout-ms", "300", "--flat-rate-cents", "999"});

        assertThat(config.port()).isZero();
        assertThat(config.carrierUrl()).isEqualTo("http://x:1");
        assertThat(config.carrierTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.flatRate()).isEqualTo(new BigDecimal("9.99"));
    }

    @Test
    void shouldNameAnUnknownFlag() {
        assertThatThrownBy(() -> ShippingMain.parse(new String[] {"--pricing-url", "http://x:1"}))
                .hasMessageContaining("--pricing-url");
    }
}
