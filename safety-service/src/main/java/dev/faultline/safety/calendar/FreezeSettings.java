package dev.faultline.safety.calendar;

import dev.faultline.kit.SettingChecks;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.order.Ordered;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A freeze from the configuration, {@code faultline.safety.freezes[n].*}:
 * <ul>
 *   <li>{@code environment} (default none = every environment): {@code DEVELOPMENT}, {@code TEST}, {@code STAGING} or
 *       {@code PRODUCTION}, in any case;</li>
 *   <li>{@code services} (default none = every service);</li>
 *   <li>{@code from}, {@code to} (required): ISO instants, the end after the start;</li>
 *   <li>{@code reason} (default {@code configured freeze}).</li>
 * </ul>
 */
@EachProperty(value = "faultline.safety.freezes", list = true)
public final class FreezeSettings implements Ordered {

    private final int index;
    private final String prefix;
    private final CalendarEntry freeze;

    @ConfigurationInject
    public FreezeSettings(@Parameter Integer index,
                          @Nullable String environment,
                          @Nullable List<String> services,
                          @Nullable String from,
                          @Nullable String to,
                          @Bindable(defaultValue = "configured freeze") String reason) {
        this.index = index;
        this.prefix = "faultline.safety.freezes[" + index + "].";
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(prefix + "to must be after " + prefix + "from (" + from + "), was "
                    + to);
        }
        this.freeze = new CalendarEntry("config-" + index, CalendarEntryKind.FREEZE, environment(environment),
                new HashSet<>(services == null ? List.of() : services), start, end, reason, null, "config");
    }

    private Environment environment(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Environment.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "environment must be DEVELOPMENT, TEST, STAGING or PRODUCTION"
                    + " (none for every environment), was " + name, e);
        }
    }

    private Instant instant(@Nullable String value, String key) {
        SettingChecks.notBlank(value, prefix + key);
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(prefix + key + " must be an ISO instant such as 2026-12-24T00:00:00Z,"
                    + " was " + value, e);
        }
    }

    /** The position of this freeze in the list. */
    public int index() {
        return index;
    }

    @Override
    public int getOrder() {
        return index;
    }

    public CalendarEntry freeze() {
        return freeze;
    }
}
