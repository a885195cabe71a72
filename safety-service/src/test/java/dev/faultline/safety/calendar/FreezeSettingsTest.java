package dev.faultline.safety.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.freezes[n].*} keys, as flat properties the way the ITs and -D options give them. */
class FreezeSettingsTest {

    private static final String FIRST = "faultline.safety.freezes[0].";

    private static List<FreezeSettings> bind(Map<String, Object> properties) {
        try (ApplicationContext context = SettingsBinding.context(properties)) {
            return context.getBeansOfType(FreezeSettings.class).stream()
                    .sorted(Comparator.comparingInt(FreezeSettings::index)).toList();
        }
    }

    @Test
    void shouldHaveNoFreezeByDefault() {
        assertThat(bind(Map.of())).isEmpty();
    }

    @Test
    void shouldBindAFreezeFromFlatProperties() {
        List<FreezeSettings> freezes = bind(Map.of(FIRST + "environment", "TEST",
                FIRST + "services", "storefront,pricing",
                FIRST + "from", "2026-12-24T00:00:00Z",
                FIRST + "to", "2026-12-27T00:00:00Z",
                FIRST + "reason", "IT code freeze"));

        assertThat(freezes).singleElement().satisfies(settings -> {
            assertThat(settings.index()).isZero();
            assertThat(settings.freeze()).isEqualTo(new CalendarEntry("config-0", CalendarEntryKind.FREEZE,
                    Environment.TEST, Set.of("storefront", "pricing"), Instant.parse("2026-12-24T00:00:00Z"),
                    Instant.parse("2026-12-27T00:00:00Z"), "IT code freeze", null, "config"));
        });
    }

    @Test
    void shouldFreezeEveryEnvironmentAndServiceWhenNoneIsNamed() {
        assertThat(bind(Map.of(FIRST + "from", "2026-12-24T00:00:00Z", FIRST + "to", "2026-12-27T00:00:00Z")))
                .singleElement().satisfies(settings -> {
                    assertThat(settings.freeze().environment()).isNull();
                    assertThat(settings.freeze().services()).isEmpty();
                    assertThat(settings.freeze().title()).isEqualTo("configured freeze");
                });
    }

    @Test
    void shouldRefuseAnEnvironmentThatDoesNotExist() {
        assertThatThrownBy(() -> bind(Map.of(FIRST + "environment", "prod", FIRST + "from", "2026-12-24T00:00:00Z",
                FIRST + "to", "2026-12-27T00:00:00Z")))
                .hasStackTraceContaining(FIRST + "environment must be DEVELOPMENT, TEST, STAGING or PRODUCTION"
                        + " (none for every environment), was prod");
    }

    @Test
    void shouldRefuseAFreezeWithoutAStartOrWithABadInstant() {
        assertThatThrownBy(() -> bind(Map.of(FIRST + "to", "2026-12-27T00:00:00Z")))
                .hasStackTraceContaining(FIRST + "from must be set");
        assertThatThrownBy(() -> bind(Map.of(FIRST + "from", "2026-12-24", FIRST + "to", "2026-12-27T00:00:00Z")))
                .hasStackTraceContaining(FIRST + "from must be an ISO instant such as 2026-12-24T00:00:00Z, was"
                        + " 2026-12-24");
    }

    @Test
    void shouldRefuseAFreezeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> bind(Map.of(FIRST + "from", "2026-12-27T00:00:00Z",
                FIRST + "to", "2026-12-24T00:00:00Z")))
                .hasStackTraceContaining(FIRST + "to must be after " + FIRST + "from (2026-12-27T00:00:00Z), was"
                        + " 2026-12-24T00:00:00Z");
    }
}
