package dev.faultline.injector.run;

import dev.faultline.injector.fault.DataPlanePort;
import dev.faultline.injector.fault.FaultAction;
import dev.faultline.injector.fault.FaultPlan;
import dev.faultline.injector.fault.Lease;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's fault on the data plane: applied under a lease held by {@code injector:<injectionId>}, renewed, and
 * removed with a single {@code DELETE /leases/{holder}} whose effect is then verified (no lease and no fault left).
 */
final class FaultHandle {

    private static final Logger LOG = LoggerFactory.getLogger(FaultHandle.class);
    private static final int REMOVE_ATTEMPTS = 5;

    private final DataPlanePort dataPlane;
    private final FaultPlan plan;
    private final Lease lease;

    FaultHandle(DataPlanePort dataPlane, FaultPlan plan, String holder, Duration ttl) {
        this.dataPlane = dataPlane;
        this.plan = plan;
        this.lease = new Lease(holder, ttl);
    }

    /** Creates every fault of the plan; if one is refused, those already created are removed before rethrowing. */
    void apply() {
        try {
            for (FaultAction action : plan.actions()) {
                if (plan.layer() == FaultPlan.Layer.L4) {
                    dataPlane.addToxic(plan.proxy(), action, lease);
                } else {
                    dataPlane.addRule(plan.proxy(), action, lease);
                }
            }
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
    }

    /** False when the data plane no longer holds any of the faults (their lease expired). */
    boolean renew() {
        return dataPlane.renew(lease.holder());
    }

    /** Removes every fault of the holder and returns whether the data plane confirms that none is left. */
    boolean remove() {
        for (int attempt = 1; attempt <= REMOVE_ATTEMPTS; attempt++) {
            try {
                dataPlane.release(lease.holder());
                return verifyGone();
            } catch (RuntimeException e) {
                LOG.warn("removing faults of {} failed (attempt {}/{}): {}", lease.holder(), attempt, REMOVE_ATTEMPTS, e.getMessage());
            }
        }
        return false;
    }

    private boolean verifyGone() {
        if (!dataPlane.leasesOf(lease.holder()).isEmpty()) {
            return false;
        }
        if (plan.layer() == FaultPlan.Layer.L4) {
            List<String> left = dataPlane.toxicNames(plan.proxy());
            return plan.actions().stream().noneMatch(a -> left.contains(a.name()));
        }
        return true;
    }
}
