package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    void shouldAllowWeekdaysOnlyInItsZone() {
        DailyWindow paris = DailyWindow.parse("MON-FRI", "09:00", "17:00", ZoneId.of("Europe/Paris"));
        assertThat(paris.contains(Instant.parse("2026-11-27T08:00:00Z"))).as("Friday 09:00 in Paris").isTrue();
        assertThat(paris.contains(Instant.parse("2026-11-27T16:00:00Z"))).as("Friday 17:00 in Paris").isFalse();
        assertThat(paris.contains(Instant.parse("2026-11-28T12:00:00Z"))).as("Saturday").isFalse();
        assertThat(paris).hasToString("MON-FRI 09:00–17:00 Europe/Paris");
    }

    @Test
    void shouldCountTheHoursAfterMidnightToTheDayTheWindowOpened() {
        DailyWindow fridayNights = DailyWindow.parse("FRI", "22:00", "06:00", ZoneOffset.UTC);
        assertThat(fridayNights.contains(Instant.parse("2026-11-27T23:00:00Z"))).as("Friday 23:00").isTrue();
        assertThat(fridayNights.contains(Instant.parse("2026-11-28T05:00:00Z"))).as("Saturday 05:00").isTrue();
        assertThat(fridayNights.contains(Instant.parse("2026-11-27T05:00:00Z"))).as("Friday 05:00").isFalse();
    }

    @Test
    void shouldReadDaysAsRangesOrLists() {
        assertThat(Weekdays.parse("MON-FRI")).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(Weekdays.parse("fri-mon")).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(Weekdays.format(Weekdays.parse("monday, wed-thu"))).isEqualTo("MON,WED-THU");
        assertThatThrownBy(() -> Weekdays.parse("MON-FRI-SAT")).hasMessageContaining("'MON-FRI-SAT' is not a day");
    }

    @Test
    void shouldRejectMalformedHours() {
        assertThatThrownBy(() -> DailyWindow.parse("25:00", "26:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyWindow.parse("9", "17:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
