package dev.faultline.injector.recovery;

import dev.faultline.injector.evidence.KafkaInjectionEvents;
import dev.faultline.injector.fault.LeftoverSweeper;
import dev.faultline.injector.run.InjectorInstance;
import dev.faultline.injector.run.RunOutcome;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.StopReason;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after an injector instance that died during an injection. Every injection recorded as active has an owner,
 * the instance running it, and every instance beats in the store ({@link InjectorInstance#heartbeat()}). An
 * injection is left over when it is nobody's (restored from the topics), this instance's own from before its restart
 * (at start-up), or another instance's whose heartbeat has stood still for {@link InjectorInstance#deadAfter()}
 * ({@link Liveness}, swept every two heartbeats) while its process is gone from Kafka too: an instance whose consumer is
 * still a member of the clearance listener's group ({@link GroupMembers}) is alive but cut off from the store, and
 * its runs are left to it, since it will stop them and report them itself. A left-over injection is first taken over, atomically, so that two
 * survivors never both close it and a run that ended meanwhile is left alone; then its lease holder's faults are
 * removed from every place that holds faults ({@link LeftoverSweeper}s: the data plane, the hosts' agents; usually its
 * leases already did) and InjectionStopped(LOST, evidenceBatches unknown = null) says whether they all confirm that
 * nothing is left. A live instance's runs are never touched, whoever restarts.
 */
@Singleton
public class LeftoverRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRecovery.class);
    /** How many heartbeats a start watches its name's heartbeat for, when it has one. */
    static final int NAME_WATCH = 3;

    private final RunStore store;
    private final List<LeftoverSweeper> sweepers;
    private final EventPublisher publisher;
    private final KafkaSettings kafka;
    private final InjectorInstance instance;
    private final Liveness liveness;
    private final GroupMembers members;
    /** Instances found silent in the store but present in the group, already said so in the log. */
    private final Set<String> cutOff = new HashSet<>();
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(daemon("injector-heartbeat"));
    private final ScheduledExecutorService sweeping = Executors.newSingleThreadScheduledExecutor(daemon("injector-leftovers"));

    public LeftoverRecovery(RunStore store, List<LeftoverSweeper> sweepers, EventPublisher publisher, KafkaSettings kafka,
                            InjectorInstance instance, GroupMembers members) {
        this.store = store;
        this.sweepers = List.copyOf(sweepers);
        this.publisher = publisher;
        this.kafka = kafka;
        this.instance = instance;
        this.liveness = new Liveness(instance.deadAfter());
        this.members = members;
    }

    /**
     * At start-up, before anything is consumed: refuses a name another live instance has, says this instance is alive,
     * closes its own runs from before its restart and the runs nobody owns, then keeps beating and sweeping for other
     * instances' left-over runs. Returns how many injections it closed.
     */
    public int recover() {
        refuseANameInUse();
        store.beat(clock.instant(), members.own());
        int closed = 0;
        for (RunStore.Owned owned : store.active()) {
            if (owned.owner() == null || owned.owner().equals(store.owner())) {
                closed += close(owned);
            }
        }
        if (watching.compareAndSet(false, true)) {
            long beat = instance.heartbeat().toMillis();
            beating.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
            sweeping.scheduleWithFixedDelay(this::sweepQuietly, 2 * beat, 2 * beat, TimeUnit.MILLISECONDS);
        }
        return closed;
    }

    /**
     * Two live instances under one name would each take the other's runs for its own from before a restart, and close
     * them. So when this name has a heartbeat already (this instance's own from before a restart, or another's), this
     * start watches it for {@link #NAME_WATCH} heartbeats first and refuses to go on if it moves.
     */
    private void refuseANameInUse() {
        Instant seen = store.beats().get(store.owner());
        if (seen == null) {
            return;
        }
        long beat = instance.heartbeat().toMillis();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NAME_WATCH * beat);
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(10, beat / 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while watching the heartbeat of " + store.owner(), e);
            }
            Instant now = store.beats().get(store.owner());
            if (now != null && !now.equals(seen)) {
                throw new IllegalStateException("another injector instance is alive as '" + store.owner()
                        + "' (its heartbeat moved from " + seen + " to " + now + " while this one started): give each"
                        + " instance its own faultline.injector.instance.id, or leave it unset for a random one");
            }
        }
        LOG.info("the last heartbeat as {} ({}) stood still for {} heartbeats: that instance is gone", store.owner(),
                seen, NAME_WATCH);
    }

    /** One look at the other instances' heartbeats and the active runs; returns how many injections it closed. */
    int sweep() {
        Instant now = clock.instant();
        Map<String, Instant> beats;
        List<RunStore.Owned> active;
        try {
            beats = store.beats();
            active = store.active();
        } catch (RuntimeException e) {
            liveness.interrupted();
            LOG.debug("left-over sweep: the store does not answer ({}); the watch starts again once it does", e.getMessage());
            return 0;
        }
        liveness.observe(beats, now);
        cutOff.removeIf(owner -> !liveness.dead(owner, now));
        int closed = 0;
        Presence presence = null; // read once per sweep, and only when a silent instance has runs
        for (RunStore.Owned owned : active) {
            String owner = owned.owner();
            if (owner != null && (owner.equals(store.owner()) || !liveness.dead(owner, now))) {
                continue;
            }
            if (owner != null) {
                presence = presence == null ? readPresence() : presence;
                if (presence.mayBeAlive(owner)) {
                    continue;
                }
            }
            closed += close(owned);
        }
        return closed;
    }

    /** Who is in the clearance listener's group, and which member each instance recorded; unknown parts stay null. */
    private Presence readPresence() {
        Map<String, String> recorded;
        try {
            recorded = store.members();
        } catch (RuntimeException e) {
            recorded = null;
        }
        return new Presence(recorded, members.current().orElse(null));
    }

    /** One sweep's view of the group, against which a silent instance is judged. */
    private final class Presence {

        private final Map<String, String> recorded;
        private final Set<String> current;

        private Presence(Map<String, String> recorded, Set<String> current) {
            this.recorded = recorded;
            this.current = current;
        }

        /** Whether {@code owner}, silent in the store, may still be alive: in the group, or nobody could tell. */
        boolean mayBeAlive(String owner) {
            if (recorded == null || current == null) {
                LOG.debug("left-over sweep: cannot tell whether {} is alive (Kafka or the store does not answer)", owner);
                return true;
            }
            String member = recorded.get(owner);
            if (member == null || !current.contains(member)) {
                return false;
            }
            if (cutOff.add(owner)) {
                LOG.warn("injector instance {} has not beaten for {} but is still member {} of {}: it is cut off from"
                        + " the store, not dead; its runs are left to it", owner, seconds(instance.deadAfter()), member,
                        members.groupId());
            }
            return true;
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("left-over sweep failed: {}", e.toString());
        }
    }

    private void beat() {
        try {
            store.beat(clock.instant(), members.own());
        } catch (RuntimeException e) {
            LOG.debug("heartbeat not recorded: {}", e.getMessage());
        }
    }

    /** Takes {@code owned} over, removes its faults and reports it LOST; 1 if this instance closed it, else 0. */
    private int close(RunStore.Owned owned) {
        RunStore.ActiveRecord record = owned.record();
        try {
            if (!store.takeOver(record.injectionId(), owned.owner())) {
                return 0; // another instance took it first, or its run ended meanwhile
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot take over left-over injection {}: {}", record.injectionId(), e.getMessage());
            return 0;
        }
        boolean verified = true;
        List<String> removed = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (LeftoverSweeper sweeper : sweepers) {
            try {
                removed.addAll(sweeper.sweep(record.holder()));
                verified &= sweeper.gone(record.holder());
            } catch (RuntimeException e) {
                verified = false;
                unanswered.add(sweeper.where() + " (" + e.getMessage() + ")");
            }
        }
        String detail = died(owned.owner()) + " the lease holder " + record.holder()
                + (removed.isEmpty() ? " had no faults left (its leases had expired them)" : " still had " + removed + ", now removed")
                + (unanswered.isEmpty() ? "" : "; could not ask " + String.join(", ", unanswered) + ": their leases expire the fault");
        try {
            EventHeader cause = EventHeader.fromByteBuffer(ByteBuffer.wrap(record.causeHeader()));
            Instant now = clock.instant();
            RunOutcome outcome = new RunOutcome(StopReason.LOST, null, null, detail, record.startedAt(), now, verified,
                    0, null, null, now);
            publisher.publish(KafkaInjectionEvents.stoppedEvent(
                    EventHeaders.answering(cause, Actors.service(kafka.serviceName()), clock), record.injectionId(),
                    outcome, null));
            try {
                store.removeActive(record.injectionId());
            } catch (RuntimeException e) {
                LOG.warn("left-over injection {} reported; its row is forgotten at the next heartbeat that reaches the"
                        + " store ({})", record.injectionId(), e.getMessage());
            }
            LOG.warn("left-over injection {} of {} (owner {}) closed as LOST (rollback verified: {})", record.injectionId(),
                    record.experimentId(), owned.owner(), verified);
            return 1;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("cannot close left-over injection {}: {}", record.injectionId(), e.toString());
            return 0;
        }
    }

    private String died(String owner) {
        if (owner == null) {
            return "the injector process running this injection died (the run was restored from the topics); found by "
                    + store.owner() + ":";
        }
        if (owner.equals(store.owner())) {
            return "the injector process running this injection (instance " + owner + ") died; on its restart";
        }
        return "the injector instance running this injection (" + owner + ") died: its heartbeat stood still for "
                + seconds(instance.deadAfter()) + "; instance " + store.owner() + " found that";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @PreDestroy
    void stop() {
        beating.shutdownNow();
        sweeping.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
