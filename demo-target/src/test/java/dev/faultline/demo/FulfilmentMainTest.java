package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.fulfilment.FulfilmentConfig;
import dev.faultline.demo.orders.ShopKafka;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FulfilmentMainTest {

    @Test
    void shouldDefaultToTheDemoSettings() {
        assertThat(FulfilmentMain.parse(new String[0])).isEqualTo(FulfilmentConfig.defaults());
    }

    @Test
    void shouldReadEveryFlag() {
        FulfilmentConfig config = FulfilmentMain.parse(new String[] {"--port", "0", "--kafka-bootstrap-servers",
            "k:1", "--max-attempts", "2", "--retry-backoff-ms", "10"});

        assertThat(config).isEqualTo(new FulfilmentConfig(0, ShopKafka.at("k:1"), "fulfilment", 2, Duration.ofMillis(10)));
    }

    @Test
    void shouldRefuseBadSettingsWithTheReason() {
        assertThatThrownBy(() -> FulfilmentMain.parse(new String[] {"--max-attempts", "0"}))
                .hasMessageContaining("max attempts must be at least 1");
        assertThatThrownBy(() -> FulfilmentMain.parse(new String[] {"--kafka-bootstrap-servers", " "}))
                .hasMessageContaining("Kafka bootstrap servers");
        assertThatThrownBy(() -> FulfilmentMain.parse(new String[] {"--pricing-url", "http://x:1"}))
                .hasMessageContaining("--pricing-url");
    }
}
