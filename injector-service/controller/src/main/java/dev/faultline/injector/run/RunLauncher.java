package dev.faultline.injector.run;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.injector.clearance.ClearanceCheck;
import dev.faultline.injector.clearance.PlanBook;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultContext;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.TargetRoutes;
import dev.faultline.injector.fault.UnsupportedFaultException;
import dev.faultline.kit.clearance.ClearanceSigner;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a PreflightPassed into a run, or refuses it (InvalidEventException → DLQ with the reason, nothing injected):
 * the clearance must verify and be fresh, its revision must be the approved one, the fault must be one the data plane can
 * apply. One run per clearance: a redelivered PreflightPassed is ignored.
 */
@Singleton
public class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
    private static final long POLL_MILLIS = 100;

    private final ClearanceCheck check;
    private final PlanBook plans;
    private final RunStore store;
    private final InjectionRunner runner;
    private final InjectorSettings settings;
    private final TargetRoutes routes;
    private final FaultKinds kinds;
    private final Clock clock = Clock.systemUTC();

    public RunLauncher(ClearanceSigner signer, PlanBook plans, RunStore store, InjectionRunner runner, InjectorSettings settings,
                       TargetRoutes routes, FaultKinds kinds) {
        this.check = new ClearanceCheck(signer);
        this.plans = plans;
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.routes = routes;
        this.kinds = kinds;
    }

    public void onPreflightPassed(PreflightPassed passed) {
        String experimentId = passed.getHeader().getExperimentId();
        UUID clearanceId = passed.getClearance().getClearanceId();
        if (store.claimedBy(clearanceId).isPresent()) {
            LOG.info("clearance {} of {} already ran; ignoring the redelivery", clearanceId, experimentId);
            return;
        }
        String forged = check.signatureRejection(passed, clock.instant());
        if (forged != null) {
            throw new InvalidEventException("nothing injected: " + forged);
        }
        String stale = ClearanceCheck.staleness(passed, clock.instant(), settings.maxClearanceAge());
        if (stale != null) {
            throw new InvalidEventException("nothing injected: " + stale);
        }
        awaitPlan(experimentId, passed.getRevision());
        Optional<Hypothesis> hypothesis = plans.revision(experimentId, passed.getRevision());
        String rejection = check.rejection(passed, plans.approvedRevision(experimentId), hypothesis, clock.instant());
        if (rejection != null) {
            throw new InvalidEventException("nothing injected: " + rejection);
        }
        UUID injectionId = RunRequest.injectionIdOf(clearanceId);
        Fault fault;
        try {
            fault = kinds.plan(hypothesis.get().getScenario(), new FaultContext(
                    routes.routeOf(passed.getClearance().getEnvironment(), hypothesis.get().getScenario().getTarget().getService()),
                    "fl-" + injectionId.toString().substring(0, 8),
                    new Lease(RunRequest.holderOf(injectionId), settings.timings().leaseTtl())));
        } catch (UnsupportedFaultException e) {
            throw new InvalidEventException("nothing injected: " + e.getMessage());
        }
        if (hypothesis.get().getScenario().getDurationMillis() <= 0) {
            throw new InvalidEventException("nothing injected: the fault's duration must be positive");
        }
        Optional<UUID> earlier = store.claim(clearanceId, injectionId, experimentId);
        if (earlier.isPresent()) {
            LOG.info("clearance {} already claimed by injection {}", clearanceId, earlier.get());
            return;
        }
        runner.launch(new RunRequest(experimentId, passed.getRevision(), injectionId, clearanceId,
                passed.getClearance().getEnvironment(), hypothesis.get(), fault, passed.getHeader()));
    }

    /** PlanApproved arrives on another topic than PreflightPassed, so it may be read a little later: wait for it. */
    private void awaitPlan(String experimentId, int revision) {
        Instant until = clock.instant().plus(settings.planWait());
        while (clock.instant().isBefore(until)) {
            OptionalInt approved = plans.approvedRevision(experimentId);
            if (approved.isPresent() && approved.getAsInt() >= revision && plans.revision(experimentId, revision).isPresent()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
