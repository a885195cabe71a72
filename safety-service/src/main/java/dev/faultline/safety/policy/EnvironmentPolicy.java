package dev.faultline.safety.policy;

import dev.faultline.schemas.avro.Environment;

/**
 * The safety envelope of one environment: the largest share of traffic an experiment may touch, when a named
 * approver must sign off, the hours experiments may run, whether someone must be on call for the service during the
 * whole run, how much traffic all its running experiments may touch together, and whether a plan must have run in
 * staging first.
 *
 * @param approvalAlways       every plan in this environment needs an approval (production)
 * @param approvalShareAbove   a plan touching more than this share of traffic needs an approval
 * @param onCallRequired       an ON_CALL_SHIFT must cover the service for the whole run (production)
 * @param blastBudget          the most the traffic shares of the experiments running here at once may add up to,
 *                             this one included; null for no budget
 * @param requiresStagingFirst a plan needs a recent verdict in STAGING on the same service and failure mode
 */
public record EnvironmentPolicy(Environment environment, double maxTrafficShare, boolean approvalAlways,
                                double approvalShareAbove, DailyWindow allowedHours, boolean onCallRequired,
                                Double blastBudget, boolean requiresStagingFirst) {

    public EnvironmentPolicy {
        if (maxTrafficShare < 0 || maxTrafficShare > 1) {
            throw new IllegalArgumentException(environment + ": max-traffic-share must be within 0..1");
        }
        if (blastBudget != null && !(blastBudget > 0)) {
            throw new IllegalArgumentException(environment + ": blast-budget must be positive, was " + blastBudget);
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
