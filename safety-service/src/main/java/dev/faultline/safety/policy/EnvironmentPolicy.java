package dev.faultline.safety.policy;

import dev.faultline.schemas.avro.Environment;

/**
 * The safety envelope of one environment: the largest share of traffic an experiment may touch, when a named
 * approver must sign off, the hours experiments may run, and whether someone must be on call for the service during
 * the whole run.
 *
 * @param approvalAlways     every plan in this environment needs an approval (production)
 * @param approvalShareAbove a plan touching more than this share of traffic needs an approval
 * @param onCallRequired     an ON_CALL_SHIFT must cover the service for the whole run (production)
 */
public record EnvironmentPolicy(Environment environment, double maxTrafficShare, boolean approvalAlways,
                                double approvalShareAbove, DailyWindow allowedHours, boolean onCallRequired) {

    public EnvironmentPolicy {
        if (maxTrafficShare < 0 || maxTrafficShare > 1) {
            throw new IllegalArgumentException(environment + ": max-traffic-share must be within 0..1");
        }
    }

    /** Why a plan touching {@code trafficShare} needs an approval here, or null when it does not. */
    public String approvalReason(double trafficShare) {
        if (approvalAlways) {
            return environment + " always requires an approval";
        }
        if (trafficShare > approvalShareAbove) {
            return "traffic share " + trafficShare + " is above " + approvalShareAbove + " in " + environment;
        }
        return null;
    }
}
