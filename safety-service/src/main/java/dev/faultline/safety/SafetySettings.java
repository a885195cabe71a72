package dev.faultline.safety;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * safety-service's own settings ({@code faultline.safety.*}):
 * <ul>
 *   <li>{@code group-id} (default {@code safety-service}): the consumer group of {@link PlanListener}, whose committed
 *       offsets also tell where its catch-up starts; {@link StateListener} goes on in {@code <group-id>-state};</li>
 *   <li>{@code clearance-ttl} (default {@code 10m}): how long a clearance stays valid after its preflight;</li>
 *   <li>{@code approvers} (default none): narrows who may approve an experiment to these people; without it, anyone
 *       whose token has the role {@code approver:<environment>} may (the role is checked in any case).</li>
 * </ul>
 * The baseline, the historical norms, the environments' policies, the freezes and the calendar have classes of their
 * own ({@code BaselineSettings}, {@code NormSettings}, {@code EnvironmentSettings}, {@code FreezeSettings},
 * {@code CalendarSettings}).
 */
@ConfigurationProperties("faultline.safety")
public final class SafetySettings {

    private static final String PREFIX = "faultline.safety.";

    private final String groupId;
    private final Duration clearanceTtl;
    private final List<String> approvers;

    @ConfigurationInject
    public SafetySettings(@Bindable(defaultValue = "safety-service") String groupId,
                          @Bindable(defaultValue = "10m") Duration clearanceTtl,
                          @Nullable List<String> approvers) {
        this.groupId = SettingChecks.notBlank(groupId, PREFIX + "group-id");
        if (clearanceTtl == null || clearanceTtl.isNegative() || clearanceTtl.isZero()) {
            // a clearance that expired when it was issued could never start an injection
            throw new IllegalArgumentException(PREFIX + "clearance-ttl must be positive, was " + clearanceTtl);
        }
        this.clearanceTtl = clearanceTtl;
        this.approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    public String groupId() {
        return groupId;
    }

    public Duration clearanceTtl() {
        return clearanceTtl;
    }

    /** The authorized approvers as configured. */
    public List<String> approvers() {
        return approvers;
    }
}
