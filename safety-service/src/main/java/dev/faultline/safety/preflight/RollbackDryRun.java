package dev.faultline.safety.preflight;

import dev.faultline.safety.plan.Plan;

/** Port: ROLLBACK_READY — asks the injector to rehearse the stop action for the plan's fault. */
public interface RollbackDryRun {

    CheckResult check(Plan plan) throws InterruptedException;
}
