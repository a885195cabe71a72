package dev.faultline.safety.policy;

import dev.faultline.safety.calendar.Freeze;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.core.type.Argument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the safety envelope from configuration: {@code faultline.safety.approvers}, per environment
 * {@code faultline.safety.environments.<env>.{max-traffic-share, approval-required, approval-share-above,
 * allowed-from, allowed-to}} and {@code faultline.safety.freezes[n].{environment, services, from, to, reason}}.
 * An environment with no settings gets the lower-environment defaults (share 1.0, no approval, all day), except
 * PRODUCTION (share 0.25, approval always).
 */
public final class PolicyConfiguration {

    private static final String PREFIX = "faultline.safety.";

    private PolicyConfiguration() {
    }

    public static SafetyPolicy policy(PropertyResolver config) {
        Map<Environment, EnvironmentPolicy> policies = new EnumMap<>(Environment.class);
        for (Environment env : Environment.values()) {
            if (env == Environment.UNKNOWN) {
                continue;
            }
            boolean production = env == Environment.PRODUCTION;
            String p = PREFIX + "environments." + env.name().toLowerCase(Locale.ROOT) + ".";
            policies.put(env, new EnvironmentPolicy(env,
                    config.get(p + "max-traffic-share", Double.class).orElse(production ? 0.25 : 1.0),
                    config.get(p + "approval-required", Boolean.class).orElse(production),
                    config.get(p + "approval-share-above", Double.class).orElse(1.0),
                    DailyWindow.parse(config.get(p + "allowed-from", String.class).orElse("00:00"),
                            config.get(p + "allowed-to", String.class).orElse("24:00"))));
        }
        List<String> approvers = config.get(PREFIX + "approvers", Argument.listOf(String.class)).orElse(List.of());
        return new SafetyPolicy(policies, new HashSet<>(approvers));
    }

    public static List<Freeze> freezes(PropertyResolver config) {
        List<Freeze> freezes = new ArrayList<>();
        for (int i = 0; config.containsProperties(PREFIX + "freezes[" + i + "]"); i++) {
            String p = PREFIX + "freezes[" + i + "].";
            String env = config.get(p + "environment", String.class).orElse(null);
            Set<String> services = new HashSet<>(config.get(p + "services", Argument.listOf(String.class)).orElse(List.of()));
            freezes.add(new Freeze(env == null || env.isBlank() ? null : Environment.valueOf(env.toUpperCase(Locale.ROOT)),
                    services, Instant.parse(config.getRequiredProperty(p + "from", String.class)),
                    Instant.parse(config.getRequiredProperty(p + "to", String.class)),
                    config.get(p + "reason", String.class).orElse("configured freeze"), "config"));
        }
        return freezes;
    }
}
