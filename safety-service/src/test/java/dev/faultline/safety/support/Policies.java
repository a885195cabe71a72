package dev.faultline.safety.support;

import dev.faultline.safety.policy.DailyWindow;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.schemas.avro.Environment;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/** The demo's safety envelope as a fixture. */
public final class Policies {

    private Policies() {
    }

    public static final EnvironmentPolicy STAGING = new EnvironmentPolicy(Environment.STAGING, 1.0, false, 0.5,
            DailyWindow.ALL_DAY, false, null, false);
    /** Weekdays 09:00–17:00 UTC with someone on call (the fixtures' noon is a Thursday). */
    public static final EnvironmentPolicy PRODUCTION = new EnvironmentPolicy(Environment.PRODUCTION, 0.25, true, 0.0,
            DailyWindow.parse("MON-FRI", "09:00", "17:00", ZoneOffset.UTC), true, 0.5, true);

    public static SafetyPolicy demo() {
        return new SafetyPolicy(Map.of(Environment.STAGING, STAGING, Environment.PRODUCTION, PRODUCTION,
                Environment.TEST, new EnvironmentPolicy(Environment.TEST, 1.0, false, 1.0, DailyWindow.ALL_DAY,
                        false, null, false)),
                Set.of("bob", "carol"));
    }
}
