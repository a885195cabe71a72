package dev.faultline.safety.preflight;

import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.claim.Claims.Claim;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.schedule.ScheduleWindow;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * NO_CONCURRENT_EXPERIMENT from the moment an experiment is cleared, on every instance. The injections topic only
 * shows a run once it started, a second or more after its clearance, and each safety-service instance clears the
 * experiments of its own partitions: two experiments on one service could both be cleared in that gap. So a clearance
 * first takes its service in its environment ({@link Claims}, compare-and-set, one winner), and keeps it until the
 * clearance expires. (The check on running injections stays by service name across environments.)
 * <p>
 * A claim of another experiment stands in the way unless it has lapsed: that experiment's injection ended since it
 * was cleared (stopped, or refused), or its clearance expired more than {@link ActiveInjections#GRACE} ago and it is
 * not running. A lapsed claim is taken over by compare-and-set as well; the row itself goes by TTL once the run
 * could not be going any more (clearance expiry, run, time to stop, grace). Nothing has to let go of a claim, so an
 * instance that dies holding one holds nothing up for longer than that. BLAST_BUDGET counts the holders in the plan's
 * environment beside the injections running ({@link #holdersIn}), and is checked again when the service is taken,
 * under a lock of the environment ({@link #takeWithinBudget}).
 */
public final class ServiceClaims {

    /** How long a clearance waits for another to be done with the environment's budget. */
    static final Duration BUDGET_LOCK_WAIT = Duration.ofSeconds(10);
    /** A budget lock whose instance died is free again after this (a check and a take take milliseconds). */
    private static final Duration BUDGET_LOCK_TTL = Duration.ofSeconds(10);
    private static final Duration BUDGET_LOCK_POLL = Duration.ofMillis(20);

    private final Claims claims;
    private final ActiveInjections injections;
    private final Clock clock;

    public ServiceClaims(Claims claims, ActiveInjections injections, Clock clock) {
        this.claims = claims;
        this.injections = injections;
        this.clock = clock;
    }

    /** What a preflight reads: passed unless another experiment's claim on the plan's service is in force. */
    public CheckResult check(Plan plan, Instant now) {
        return claims.read(name(plan)).filter(c -> inTheWay(c, plan, now)).map(c -> blocked(plan, c))
                .orElseGet(() -> CheckResult.passed(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, "no other experiment"
                        + " is cleared or injecting on " + plan.service(), Map.of("service", plan.service())));
    }

    /**
     * Takes the plan's service for its experiment until {@code clearanceExpires}; empty when taken (or held already),
     * else the failed check naming the experiment that has it.
     */
    public Optional<CheckResult> take(Plan plan, Instant clearanceExpires) {
        Instant now = clock.instant();
        Claim mine = new Claim(name(plan), plan.experimentId(), now, clearanceExpires);
        Instant keep = keepUntil(plan, clearanceExpires);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Claim> held = claims.read(mine.name());
            String holder = held.map(Claim::holder).orElse(null);
            if (held.isPresent() && inTheWay(held.get(), plan, now)) {
                return Optional.of(blocked(plan, held.get()));
            }
            if (claims.swap(mine.name(), holder, mine, keep)) {
                return Optional.empty();
            }
            // another instance changed it between the read and the swap: read again who has it now
        }
        return claims.read(mine.name()).map(c -> blocked(plan, c));
    }

    /**
     * Takes the plan's service again for a clearance read back from the safety topic, unless someone holds it or the
     * claim would have lapsed already. The claims are no projection, so a keyspace dropped and rebuilt from the topics
     * starts with none: without this, a clearance issued before the drop and not used yet would no longer hold its
     * service. Reading back a clearance whose claim is held (this instance's own, just published) changes nothing.
     */
    public void restore(Plan plan, Instant clearedAt, Instant clearanceExpires) {
        Instant now = clock.instant();
        Claim cleared = new Claim(name(plan), plan.experimentId(), clearedAt, clearanceExpires);
        if (!lapsed(cleared, now)) {
            claims.swap(cleared.name(), null, cleared, keepUntil(plan, clearanceExpires));
        }
    }

    /**
     * {@link #take} with the environment's blast budget checked again, both under the environment's budget lock
     * ({@code budget/<ENV>} in {@link Claims}) so that no other clearance in the environment, on any instance, is
     * checked or taken in between. A preflight's BLAST_BUDGET reads the experiments cleared or injecting when it runs;
     * two preflights on different services passing at once would each leave the other out of its sum. Empty when the
     * service is taken, else the failed check: BLAST_BUDGET as {@code budgetNow} reads it with every clearance issued
     * so far, NO_CONCURRENT_EXPERIMENT, or BLAST_BUDGET when the lock was not had within {@link #BUDGET_LOCK_WAIT}.
     */
    public Optional<CheckResult> takeWithinBudget(Plan plan, Instant clearanceExpires,
                                                  Supplier<CheckResult> budgetNow) {
        String lock = "budget/" + plan.environment();
        String me = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + BUDGET_LOCK_WAIT.toNanos();
        while (!claims.swap(lock, null, new Claim(lock, me, clock.instant(), clock.instant().plus(BUDGET_LOCK_TTL)),
                clock.instant().plus(BUDGET_LOCK_TTL))) {
            if (System.nanoTime() > deadline) {
                return Optional.of(CheckResult.failed(PreflightCheckKind.BLAST_BUDGET, "another clearance in "
                        + plan.environment() + " held its blast budget for over " + BUDGET_LOCK_WAIT.toSeconds()
                        + " s, so this one could not be checked against it: run the preflight again",
                        Map.of("environment", String.valueOf(plan.environment()))));
            }
            pause();
        }
        try {
            CheckResult budget = budgetNow.get();
            return budget.isFailed() ? Optional.of(budget) : take(plan, clearanceExpires);
        } finally {
            claims.release(lock, me); // had it lapsed meanwhile (over its TTL), nothing is released
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BUDGET_LOCK_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the blast budget's lock", e);
        }
    }

    /**
     * The experiments holding a service in {@code environment} now, other than {@code experimentId}: cleared and not
     * yet ended (BLAST_BUDGET counts their shares beside the injections running).
     */
    public List<String> holdersIn(Environment environment, String experimentId, Instant now) {
        return claims.within(scope(environment)).stream()
                .filter(c -> !c.holder().equals(experimentId) && !lapsed(c, now)).map(Claim::holder).toList();
    }

    /** The row goes once the run could not be going any more: clearance expiry, run, time to stop, grace. */
    private static Instant keepUntil(Plan plan, Instant clearanceExpires) {
        return clearanceExpires.plusMillis(plan.durationMillis()).plus(ScheduleWindow.SLACK)
                .plus(ActiveInjections.GRACE);
    }

    private boolean inTheWay(Claim claim, Plan plan, Instant now) {
        return !claim.holder().equals(plan.experimentId()) && !lapsed(claim, now);
    }

    private boolean lapsed(Claim claim, Instant now) {
        return injections.endedSince(claim.holder(), claim.claimedAt())
                || now.isAfter(claim.until().plus(ActiveInjections.GRACE)) && !injections.running(claim.holder(), now);
    }

    private static CheckResult blocked(Plan plan, Claim claim) {
        return CheckResult.failed(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, "experiment " + claim.holder()
                + " was cleared on " + plan.service() + " in " + plan.environment() + " at " + claim.claimedAt()
                + " (its clearance lasts until " + claim.until() + ") and has not ended",
                Map.of("service", plan.service(), "experiments", claim.holder()));
    }

    private static String name(Plan plan) {
        return scope(plan.environment()) + "/" + plan.service();
    }

    private static String scope(Environment environment) {
        return "service/" + environment;
    }
}
