package dev.faultline.injector.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An instance's name and timings: a name of its own when none is given, and a dead-after that heartbeats can meet. */
class InjectorInstanceTest {

    @Test
    void shouldNameAnUnnamedInstanceAfreshAtEachStart() {
        InjectorInstance one = new InjectorInstance("", Duration.ofSeconds(1), Duration.ofSeconds(15));
        InjectorInstance other = new InjectorInstance(null, Duration.ofSeconds(1), Duration.ofSeconds(15));
        assertThat(one.id()).matches("injector-[0-9a-f]{8}");
        assertThat(other.id()).matches("injector-[0-9a-f]{8}").isNotEqualTo(one.id());
        assertThat(new InjectorInstance(" injector-1 ", Duration.ofSeconds(1), Duration.ofSeconds(15)).id())
                .isEqualTo("injector-1");
    }

    @Test
    void shouldRefuseADeadAfterShorterThanThreeHeartbeats() {
        assertThatThrownBy(() -> new InjectorInstance("i", Duration.ofSeconds(1), Duration.ofMillis(2999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faultline.injector.instance.dead-after must be at least three heartbeats");
        assertThatThrownBy(() -> new InjectorInstance("i", Duration.ZERO, Duration.ofSeconds(15)))
                .hasMessageContaining("faultline.injector.instance.heartbeat must be positive");
    }
}
