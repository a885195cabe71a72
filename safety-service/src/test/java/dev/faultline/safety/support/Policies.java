package dev.faultline.safety.support;

import dev.faultline.safety.policy.DailyWindow;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.schemas.avro.Environment;
import java.util.Map;
import java.util.Set;

/** The demo's safety envelope as a fixture. */
public final class Policies {

    private Policies() {
    }

    public static final EnvironmentPolicy STAGING = new EnvironmentPolicy(Environment.STAGING, 1.0, false, 0.5,
            DailyWindow.ALL_DAY, null, false);
    public static final EnvironmentPolicy PRODUCTION = new EnvironmentPolicy(Environment.PRODUCTION, 0.25, true, 0.0,
            DailyWindow.parse("09:00", "17:00"), 0.5, true);

    public static SafetyPolicy demo() {
        return new SafetyPolicy(Map.of(Environment.STAGING, STAGING, Environment.PRODUCTION, PRODUCTION,
                Environment.TEST, new EnvironmentPolicy(Environment.TEST, 1.0, false, 1.0, DailyWindow.ALL_DAY, null,
                        false)),
                Set.of("bob", "carol"));
    }
}
