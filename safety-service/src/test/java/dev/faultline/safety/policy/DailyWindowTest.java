package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DailyWindowTest {

    @Test
    void shouldAllowEveryMinuteOfTheDayByDefault() {
        assertThat(DailyWindow.ALL_DAY.contains(Instant.parse("2026-11-26T00:00:00Z"))).isTrue();
        assertThat(DailyWindow.ALL_DAY.contains(Instant.parse("2026-11-26T23:59:59Z"))).isTrue();
    }

    @Test
    void shouldAllowOfficeHoursOnly() {
        DailyWindow office = DailyWindow.parse("09:00", "17:00");
        assertThat(office.contains(Instant.parse("2026-11-26T09:00:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-11-26T16:59:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-11-26T17:00:00Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-11-26T08:59:00Z"))).isFalse();
        assertThat(office).hasToString("09:00–17:00 UTC");
    }

    @Test
    void shouldWrapMidnight() {
        DailyWindow night = DailyWindow.parse("22:00", "06:00");
        assertThat(night.contains(Instant.parse("2026-11-26T23:30:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-26T05:59:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-26T12:00:00Z"))).isFalse();
    }

    @Test
    void shouldRejectMalformedHours() {
        assertThatThrownBy(() -> DailyWindow.parse("25:00", "26:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyWindow.parse("9", "17:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
