package dev.faultline.safety.envelope;

import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.halt.Halt;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.preflight.ActiveInjections;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks the time envelope of every running injection — on each event that can change it and every second, so an
 * entry published ahead is caught when it starts — and halts the experiment whose run must stop, with the reason.
 * The injector obeys that halt like an operator's. One halt per injection: one already halted (by this watch or by
 * any halt in force for its experiment or environment) is left alone. Sweeps only once {@link #start}ed, after the
 * read models were replayed, so that half a calendar never stops a run.
 * <p>
 * Every safety-service instance watches every run, so each would halt it: before halting, the watch claims the
 * injection's halt ({@link Claims}, {@code halt/<injection id>}), and only the instance that gets it publishes the
 * halt. Where the claim cannot be asked (Cassandra unreachable), it halts anyway: two halts are better than none.
 */
public final class MidRunWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MidRunWatch.class);

    /** Port: asks for a halt of one experiment. */
    @FunctionalInterface
    public interface Stops {
        void halt(String experimentId, String reason);
    }

    private final TimeEnvelope envelope;
    private final ActiveInjections injections;
    private final ActiveHalts halts;
    private final Function<String, Optional<Plan>> plans;
    private final Stops stops;
    private final Clock clock;
    private final Claims claims;
    private final String instance;
    private final Map<String, Plan> planCache = new ConcurrentHashMap<>();
    private final Set<UUID> halted = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /**
     * @param plans    the approved plan of an experiment
     * @param claims   shared by the instances: which one halts a run
     * @param instance this instance's name in those claims
     */
    public MidRunWatch(TimeEnvelope envelope, ActiveInjections injections, ActiveHalts halts,
                       Function<String, Optional<Plan>> plans, Stops stops, Clock clock, Claims claims, String instance) {
        this.envelope = envelope;
        this.injections = injections;
        this.halts = halts;
        this.plans = plans;
        this.stops = stops;
        this.clock = clock;
        this.claims = claims;
        this.instance = instance;
    }

    public void start() {
        started = true;
    }

    /** Checks every running injection now; returns how many it halted. */
    public synchronized int sweep() {
        if (!started) {
            return 0;
        }
        Instant now = clock.instant();
        List<ActiveInjections.Running> running = injections.activeAt(now);
        halted.retainAll(running.stream().map(ActiveInjections.Running::injectionId).toList());
        planCache.keySet().retainAll(running.stream().map(ActiveInjections.Running::experimentId).toList());
        List<Halt> inForce = halts.all();
        int stopped = 0;
        for (ActiveInjections.Running run : running) {
            if (halted.contains(run.injectionId())) {
                continue;
            }
            Optional<Plan> plan = plan(run.experimentId());
            if (plan.isEmpty() || inForce.stream().anyMatch(h -> h.applies(run.experimentId(),
                    plan.get().environment()))) {
                continue;
            }
            Optional<String> reason = envelope.stopReason(plan.get(), now, run.deadline());
            if (reason.isPresent()) {
                halted.add(run.injectionId());
                if (!firstToHalt(run, now)) {
                    LOG.info("{} (injection {}) must stop ({}): another instance halts it", run.experimentId(),
                            run.injectionId(), reason.get());
                    continue;
                }
                LOG.warn("halting {} (injection {}): {}", run.experimentId(), run.injectionId(), reason.get());
                stops.halt(run.experimentId(), "safety envelope: " + reason.get());
                stopped++;
            }
        }
        return stopped;
    }

    private boolean firstToHalt(ActiveInjections.Running run, Instant now) {
        String name = "halt/" + run.injectionId();
        try {
            return claims.swap(name, null, new Claims.Claim(name, instance, now, run.deadline()),
                    run.deadline().plus(ActiveInjections.GRACE));
        } catch (RuntimeException e) {
            LOG.warn("could not claim the halt of {} (injection {}); halting it anyway", run.experimentId(),
                    run.injectionId(), e);
            return true;
        }
    }

    private Optional<Plan> plan(String experimentId) {
        Plan cached = planCache.get(experimentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Plan> plan = plans.apply(experimentId);
        plan.ifPresent(p -> planCache.put(experimentId, p));
        if (plan.isEmpty()) {
            LOG.debug("injection of {} running with no approved plan known here: its envelope is not watched",
                    experimentId);
        }
        return plan;
    }
}
