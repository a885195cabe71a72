package dev.faultline.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataPlaneMainTest {

    @Test
    void shouldReadTheDefaultLeaseInEveryForm() {
        assertThat(DataPlaneMain.parseDuration("50us")).isEqualTo(Duration.ofNanos(50_000));
        assertThat(DataPlaneMain.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DataPlaneMain.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DataPlaneMain.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DataPlaneMain.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DataPlaneMain.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DataPlaneMain.parseDuration("1500")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldRefuseAnUnreadableDuration() {
        assertThatThrownBy(() -> DataPlaneMain.parseDuration("ten minutes"))
                .hasMessage("cannot read duration 'ten minutes': use e.g. 500ms, 30s, 10m, 1h or PT10M");
    }

    @Test
    void shouldRefuseANonPositiveDefaultLease() {
        assertThatThrownBy(() -> DataPlaneConfig.defaults().withDefaultLease(Duration.ZERO))
                .hasMessage("default lease must be positive, was PT0S");
    }
}
