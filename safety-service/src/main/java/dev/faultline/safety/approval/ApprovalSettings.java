package dev.faultline.safety.approval;

import dev.faultline.schemas.avro.RiskLevel;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.convert.format.MapFormat.MapTransformation;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code faultline.safety.approvals.*}:
 * <ul>
 *   <li>{@code required.<risk>} with {@code <risk>} one of {@code low}, {@code medium}, {@code high}, {@code unknown}
 *       (default: high 2, the others 0): how many distinct authorized approvers a plan of the hypothesis's risk level
 *       needs in every environment. Where the environment's policy asks for an approval (production, a large
 *       traffic share) at least one is needed whatever the risk;</li>
 *   <li>{@code valid-for} (default {@code 24h}): an approval lapses this long after it was given
 *       (ApprovalRecorded.validUntil); a lapsed one no longer counts.</li>
 * </ul>
 * MEDIUM defaults to 0 because nearly every built-in failure mode is MEDIUM: a sign-off for each would stop the staging
 * runs that production's STAGING_FIRST asks for; set {@code required.medium: 1} to ask for one.
 */
@ConfigurationProperties("faultline.safety.approvals")
public final class ApprovalSettings {

    private static final String PREFIX = "faultline.safety.approvals.";
    private static final int HIGH_DEFAULT = 2;

    private final Map<RiskLevel, Integer> required = new EnumMap<>(RiskLevel.class);
    private final Duration validFor;

    @ConfigurationInject
    public ApprovalSettings(@Nullable @MapFormat(transformation = MapTransformation.FLAT,
                                    keyFormat = StringConvention.RAW) Map<String, Integer> required,
                            @Bindable(defaultValue = "24h") Duration validFor) {
        this.required.put(RiskLevel.HIGH, HIGH_DEFAULT);
        if (required != null) {
            required.forEach((name, count) -> this.required.put(level(name), count(name, count)));
        }
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException(PREFIX + "valid-for must be positive, was " + validFor);
        }
        this.validFor = validFor;
    }

    /** How many distinct approvers a plan of {@code risk} needs whatever its environment (0: its policy decides). */
    public int requiredFor(RiskLevel risk) {
        return required.getOrDefault(risk, 0);
    }

    public Duration validFor() {
        return validFor;
    }

    private static RiskLevel level(String name) {
        try {
            return RiskLevel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "required." + name + ": " + name + " is not a risk level; expected"
                    + " one of " + Arrays.stream(RiskLevel.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }

    private static int count(String name, Integer count) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException(PREFIX + "required." + name + " must be 0 or more approvers, was " + count);
        }
        return count;
    }
}
