package dev.faultline.safety.policy;

import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One environment's safety envelope, {@code faultline.safety.environments.<env>.*} with {@code <env>} one of
 * {@code development}, {@code test}, {@code staging}, {@code production}:
 * <ul>
 *   <li>{@code max-traffic-share} (default 1.0; production 0.25): the largest share of traffic a plan may touch;</li>
 *   <li>{@code approval-required} (default false; production true): every plan needs an approval;</li>
 *   <li>{@code approval-share-above} (default 1.0): a plan touching more than this share needs an approval;</li>
 *   <li>{@code allowed-days} (default {@code MON-SUN}; production {@code MON-FRI}): the days experiments may run,
 *       e.g. {@code MON-FRI} or {@code MON,WED,FRI};</li>
 *   <li>{@code allowed-from} / {@code allowed-to} (default {@code 00:00} / {@code 24:00}; production {@code 09:00} /
 *       {@code 17:00}): the hours ({@code HH:mm}) experiments may run; a window ending before it starts wraps
 *       midnight;</li>
 *   <li>{@code time-zone} (default {@code UTC}): the zone of those days and hours, e.g. {@code Europe/Paris};</li>
 *   <li>{@code on-call-required} (default false; production true): an ON_CALL_SHIFT must cover the service for the
 *       whole run, and the person on call at its start is named in the clearance;</li>
 *   <li>{@code blast-budget} (default none; production 0.5): the most the traffic shares of all experiments injecting
 *       here at once may add up to, the one being checked included (BLAST_BUDGET);</li>
 *   <li>{@code requires-staging-first} (default false; production true): a plan needs a verdict in staging on the same
 *       service and failure mode, no older than {@code faultline.safety.staging-first.max-age} (STAGING_FIRST).</li>
 * </ul>
 * Production is narrower by default because people must be at work to watch it: a run there starts and ends on a
 * weekday within office hours, with someone on call.
 * An environment with no key at all has no such bean: {@link #unconfigured} gives its policy, with the same defaults.
 */
@EachProperty("faultline.safety.environments")
public final class EnvironmentSettings {

    private static final String DEFAULT_SHARE_ABOVE = "1.0";
    private static final String DEFAULT_ZONE = "UTC";
    private static final Double PRODUCTION_BLAST_BUDGET = 0.5;
    /** {@code HH:mm}, 00:00 to 24:00. */
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):([0-5]\\d)");

    private final String prefix;
    private final EnvironmentPolicy policy;

    @ConfigurationInject
    EnvironmentSettings(@Parameter String name,
                        @Nullable Double maxTrafficShare,
                        @Nullable Boolean approvalRequired,
                        @Bindable(defaultValue = DEFAULT_SHARE_ABOVE) double approvalShareAbove,
                        @Nullable String allowedDays,
                        @Nullable String allowedFrom,
                        @Nullable String allowedTo,
                        @Bindable(defaultValue = DEFAULT_ZONE) String timeZone,
                        @Nullable Boolean onCallRequired,
                        @Nullable Double blastBudget,
                        @Nullable Boolean requiresStagingFirst) {
        this.prefix = "faultline.safety.environments." + name + ".";
        Environment environment = environment(name);
        // production's defaults differ: a quarter of the traffic at most, half of it for all experiments together,
        // never without an approval nor before the failure mode ran in staging, weekday office hours and someone on
        // call
        boolean production = environment == Environment.PRODUCTION;
        double maxShare = maxTrafficShare != null ? maxTrafficShare : production ? 0.25 : 1.0;
        this.policy = new EnvironmentPolicy(environment, share(maxShare, "max-traffic-share"),
                approvalRequired != null ? approvalRequired : production,
                share(approvalShareAbove, "approval-share-above"),
                new DailyWindow(days(allowedDays != null ? allowedDays : production ? "MON-FRI" : "MON-SUN"),
                        minutes(allowedFrom != null ? allowedFrom : production ? "09:00" : "00:00", "allowed-from"),
                        minutes(allowedTo != null ? allowedTo : production ? "17:00" : "24:00", "allowed-to"),
                        zone(timeZone)),
                onCallRequired != null ? onCallRequired : production,
                budget(blastBudget != null ? blastBudget : production ? PRODUCTION_BLAST_BUDGET : null, "blast-budget"),
                requiresStagingFirst != null ? requiresStagingFirst : production);
    }

    /** The policy of an environment with no {@code faultline.safety.environments.<env>} key at all. */
    public static EnvironmentPolicy unconfigured(Environment environment) {
        return new EnvironmentSettings(environment.name().toLowerCase(Locale.ROOT), null, null,
                Double.parseDouble(DEFAULT_SHARE_ABOVE), null, null, null, DEFAULT_ZONE, null, null, null).policy();
    }

    private Double budget(Double budget, String key) {
        if (budget != null && !(budget > 0)) {
            throw new IllegalArgumentException(prefix + key + " must be positive (a sum of traffic shares), was " + budget);
        }
        return budget;
    }

    private Environment environment(String name) {
        try {
            Environment environment = Environment.valueOf(name.toUpperCase(Locale.ROOT));
            if (environment != Environment.UNKNOWN) {
                return environment;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + ": " + name
                + " is not an environment; expected one of " + Arrays.stream(Environment.values())
                .filter(e -> e != Environment.UNKNOWN).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private double share(double share, String key) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(prefix + key + " must be within 0..1, was " + share);
        }
        return share;
    }

    private int minutes(String hhmm, String key) {
        Matcher m = TIME.matcher(hhmm.trim());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            if (hour < 24 || hour == 24 && m.group(2).equals("00")) {
                return hour * 60 + Integer.parseInt(m.group(2));
            }
        }
        throw new IllegalArgumentException(prefix + key + " must be a time HH:mm within 00:00..24:00, was " + hhmm);
    }

    private Set<DayOfWeek> days(String days) {
        try {
            return Weekdays.parse(days);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "allowed-days: " + e.getMessage(), e);
        }
    }

    private ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(prefix + "time-zone must be a zone id such as UTC or Europe/Paris, was "
                    + zone, e);
        }
    }

    public Environment environment() {
        return policy.environment();
    }

    /** The envelope these keys describe. */
    public EnvironmentPolicy policy() {
        return policy;
    }
}
