package dev.faultline.safety.policy;

import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.FreezeSettings;
import dev.faultline.schemas.avro.Environment;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds the safety envelope from the bound settings: the approvers ({@code SafetySettings}), one
 * {@link EnvironmentSettings} per configured environment, and the configured {@link FreezeSettings} in their order.
 * Every environment but UNKNOWN has a policy: one without settings gets {@link EnvironmentSettings#unconfigured}.
 */
public final class PolicyConfiguration {

    private PolicyConfiguration() {
    }

    public static SafetyPolicy policy(Collection<String> approvers, Collection<EnvironmentSettings> configured) {
        Map<Environment, EnvironmentPolicy> policies = new EnumMap<>(Environment.class);
        // one bean per name, and Micronaut lower-cases the names: no environment can come twice
        configured.forEach(settings -> policies.put(settings.environment(), settings.policy()));
        for (Environment env : Environment.values()) {
            if (env != Environment.UNKNOWN) {
                policies.computeIfAbsent(env, EnvironmentSettings::unconfigured);
            }
        }
        return new SafetyPolicy(policies, new HashSet<>(approvers));
    }

    public static List<CalendarEntry> freezes(Collection<FreezeSettings> configured) {
        return configured.stream().sorted(Comparator.comparingInt(FreezeSettings::index)).map(FreezeSettings::freeze)
                .toList();
    }
}
