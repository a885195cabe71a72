package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.storefront.StorefrontConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorefrontMainTest {

    @Test
    void shouldDefaultToTheDemoSettings() {
        assertThat(StorefrontMain.parse(new String[0])).isEqualTo(StorefrontConfig.defaults());
    }

    @Test
    void shouldReadEveryFlag() {
        StorefrontConfig config = StorefrontMain.parse(new String[] {"--port", "0", "--pricing-url", "http://x:1",
            "--pricing-timeout-ms", "300", "--cache-ttl-ms", "200", "--kafka-bootstrap-servers", "k:9092"});

        assertThat(config.port()).isZero();
        assertThat(config.pricingUrl()).isEqualTo("http://x:1");
        assertThat(config.pricingTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.kafka().bootstrapServers()).isEqualTo("k:9092");
    }

    @Test
    void shouldAnnounceNoOrdersWithoutKafka() {
        assertThat(StorefrontMain.parse(new String[0]).kafka()).isNull();
    }

    @Test
    void shouldNameAnUnknownOrIncompleteFlag() {
        assertThatThrownBy(() -> StorefrontMain.parse(new String[] {"--prot", "1"})).hasMessageContaining("--prot");
        assertThatThrownBy(() -> StorefrontMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StorefrontMain.parse(new String[] {"--port", "x"})).hasMessageContaining("whole number");
    }
}
