package dev.faultline.analysis.watchdog;

import dev.faultline.analysis.AnalysisSettings;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link AnalysisSettings#watchdogInterval()}, looks at the started injections with no stop and issues the
 * ABORTED/LOST verdict of each one past its deadline plus {@link AnalysisSettings#lostGrace()} (once: the issuer
 * claims it) — once the listener has stored everything that was on its topics when the injection first looked lost
 * ({@link IntakeProgress}): a stop held up behind an outage of the store is read first. The data plane's lease has
 * removed the fault by then. A stopped injection still waiting then for batches its stop announced has them looked
 * for again on the evidence topic ({@link MissingEvidence}) and is judged once they are stored.
 */
@Singleton
public class LostInjectorWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LostInjectorWatchdog.class);

    private final EvidenceRecords records;
    private final VerdictIssuer issuer;
    private final Clock clock;
    private final LostInjectionRule rule;
    private final long intervalMillis;
    private final IntakeProgress intake;
    private final MissingEvidence missing;
    /** Per injection that looked lost, the topics' end offsets at that moment. */
    private final Map<UUID, Map<String, Long>> suspected = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private volatile StartupBacklog backlog = new StartupBacklog(java.util.Map.of());

    @Inject
    public LostInjectorWatchdog(EvidenceRecords records, VerdictIssuer issuer, Clock clock, AnalysisSettings settings,
                                IntakeProgress intake, MissingEvidence missing) {
        this.records = records;
        this.issuer = issuer;
        this.clock = clock;
        this.rule = new LostInjectionRule(settings.lostGrace());
        this.intervalMillis = settings.watchdogInterval().toMillis();
        this.intake = intake;
        this.missing = missing;
    }

    /** A watchdog whose listener is always caught up (tests of the rule). */
    public LostInjectorWatchdog(EvidenceRecords records, VerdictIssuer issuer, Clock clock, AnalysisSettings settings) {
        this(records, issuer, clock, settings, IntakeProgress.CAUGHT_UP, MissingEvidence.NONE);
    }

    /** Starts sweeping; sweeps do nothing until the event loop has handled the backlog present at start-up. */
    public synchronized void start(StartupBacklog startupBacklog) {
        this.backlog = startupBacklog;
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "lost-injector-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::sweepSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** One look at the open injections; returns how many were judged lost. */
    public int sweep() {
        if (!backlog.caughtUp()) {
            return 0;
        }
        Instant now = clock.instant();
        int lost = 0;
        List<EvidenceRecords.OpenInjection> openInjections = records.openInjections();
        suspected.keySet().retainAll(openInjections.stream().map(EvidenceRecords.OpenInjection::injectionId).toList());
        for (EvidenceRecords.OpenInjection open : openInjections) {
            if (!rule.isLost(open.deadline(), false, false, now)) {
                continue;
            }
            Map<String, Long> endsWhenSuspected = suspected.computeIfAbsent(open.injectionId(), id -> intake.endsNow());
            if (!intake.reached(endsWhenSuspected)) {
                LOG.debug("injection {} of {} looks lost; judged once the listener has stored the topics up to {}",
                        open.injectionId(), open.experimentId(), endsWhenSuspected);
                continue;
            }
            suspected.remove(open.injectionId());
            Optional<VerdictIssued> issued = issuer.issueLost(open);
            if (issued.isEmpty() && missing.restore(open.experimentId(), open.injectionId()) > 0) {
                issued = issuer.tryIssue(open.experimentId(), open.injectionId());
            }
            if (issued.isPresent() && issued.get().getStopReason() == StopReason.LOST) {
                LOG.warn("injection {} of {} is lost: no stop by {} + {}", open.injectionId(), open.experimentId(),
                        open.deadline(), rule.grace());
                lost++;
            } else if (issued.isPresent()) {
                LOG.warn("injection {} of {} judged on its stop ({}) by the watchdog: no verdict had followed its "
                        + "records", open.injectionId(), open.experimentId(), issued.get().getStopReason());
            }
        }
        return lost;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("watchdog sweep failed, retrying at the next tick", e);
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
