package dev.faultline.analysis.watchdog;

import java.time.Duration;
import java.time.Instant;

/**
 * When an injector counts as lost: its injection passed the hard deadline plus a grace period and no stop was
 * recorded. The grace covers a slow rollback, the AFTER phase and delivery delays of InjectionStopped.
 */
public final class LostInjectionRule {

    private final Duration grace;

    public LostInjectionRule(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        this.grace = grace;
    }

    /** Whether an injection with this deadline, with or without a recorded stop or verdict, is lost at {@code now}. */
    public boolean isLost(Instant deadline, boolean stopRecorded, boolean verdictIssued, Instant now) {
        return !stopRecorded && !verdictIssued && now.isAfter(deadline.plus(grace));
    }

    public Duration grace() {
        return grace;
    }
}
