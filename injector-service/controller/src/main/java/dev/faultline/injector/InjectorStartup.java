package dev.faultline.injector;

import dev.faultline.injector.clearance.PlanBook;
import dev.faultline.injector.halt.HaltHandler;
import dev.faultline.injector.recovery.LeftoverRecovery;
import dev.faultline.injector.run.RunLauncher;
import dev.faultline.kit.events.EventLoops;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.List;

/**
 * Wires the injector to Kafka at start: first closes injections left over by a dead process, then starts three
 * loops — plans from faultline.hypotheses, clearances from faultline.safety, halts from faultline.control.
 */
@Context
public class InjectorStartup {

    private final EventLoops loops;
    private final InjectorSettings settings;
    private final PlanBook plans;
    private final RunLauncher launcher;
    private final HaltHandler halts;
    private final LeftoverRecovery recovery;

    public InjectorStartup(EventLoops loops, InjectorSettings settings, PlanBook plans, RunLauncher launcher,
                           HaltHandler halts, LeftoverRecovery recovery) {
        this.loops = loops;
        this.settings = settings;
        this.plans = plans;
        this.launcher = launcher;
        this.halts = halts;
        this.recovery = recovery;
    }

    @PostConstruct
    void start() {
        recovery.recover();
        loops.start(settings.groupId() + "-hypotheses", List.of(Topics.HYPOTHESES), this::onPlan);
        loops.start(settings.groupId() + "-safety", List.of(Topics.SAFETY), event ->
                event.as(PreflightPassed.class).ifPresent(launcher::onPreflightPassed));
        loops.start(settings.groupId() + "-control", List.of(Topics.CONTROL), event ->
                event.as(HaltRequested.class).ifPresent(halt -> halts.onHalt(halt, event.key())));
    }

    private void onPlan(IncomingEvent event) {
        event.as(HypothesisDrafted.class).ifPresent(d -> plans.draft(event.experimentId(), d.getRevision(), d.getHypothesis()));
        event.as(PlanApproved.class).ifPresent(a -> plans.approve(event.experimentId(), a.getRevision()));
    }
}
