package dev.faultline.analysis.verdict;

import dev.faultline.analysis.AnalysisSettings;
import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Readiness;
import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.evaluation.Verdict;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.report.ReportWriter;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.VerdictIssued;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues each injection's verdict exactly once: when its stop and all its evidence are recorded, or when the
 * watchdog finds its injector lost. The verdict is claimed in the store before it is published, so a redelivered
 * event or a late stop publishes nothing new; a claim whose publication failed is published again on the next try.
 * Several instances share the store: a claim found unpublished may be one another instance is publishing at this
 * moment (both watchdogs find the same lost injection), so another instance's claim is published again only once it
 * is {@link #PUBLISH_GRACE} old — by then its publication has either happened or failed; a claim whose publication
 * failed in this instance is published again at once.
 */
@Singleton
public class VerdictIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictIssuer.class);
    /** How long a claim found unpublished is left to the instance that made it before another publishes it. */
    static final Duration PUBLISH_GRACE = Duration.ofSeconds(30);

    private final EvidenceRecords records;
    private final VerdictRecords verdicts;
    private final VerdictSink sink;
    private final Clock clock;
    private final String serviceName;
    private final double confidenceLevel;
    /** Claims this instance made whose publication failed: published again at the next try, whatever their age. */
    private final Set<String> failedHere = ConcurrentHashMap.newKeySet();

    /** An issuer judging at the default confidence level, 95 %. */
    public VerdictIssuer(EvidenceRecords records, VerdictRecords verdicts, VerdictSink sink, Clock clock,
                         KafkaSettings kafka) {
        this(records, verdicts, sink, clock, kafka, ConfidenceLevel.DEFAULT);
    }

    @Inject
    public VerdictIssuer(EvidenceRecords records, VerdictRecords verdicts, VerdictSink sink, Clock clock,
                         KafkaSettings kafka, AnalysisSettings settings) {
        this(records, verdicts, sink, clock, kafka, settings.confidenceLevel());
    }

    private VerdictIssuer(EvidenceRecords records, VerdictRecords verdicts, VerdictSink sink, Clock clock,
                          KafkaSettings kafka, double confidenceLevel) {
        this.records = records;
        this.verdicts = verdicts;
        this.sink = sink;
        this.clock = clock;
        this.serviceName = kafka.serviceName();
        this.confidenceLevel = confidenceLevel;
    }

    /** Judges the injection if everything it needs is recorded and it has no verdict yet. */
    public synchronized Optional<VerdictIssued> tryIssue(String experimentId, UUID injectionId) {
        if (alreadyIssued(experimentId, injectionId)) {
            return Optional.empty();
        }
        Optional<InjectionStopped> stopped = records.stopped(experimentId, injectionId);
        if (stopped.isEmpty()) {
            return Optional.empty(); // while an injection runs, one read says so: its start and hypothesis can wait
        }
        Optional<InjectionStarted> started = records.started(experimentId, injectionId);
        Optional<Hypothesis> hypothesis = started.flatMap(s -> records.hypothesis(experimentId, s.getRevision()));
        if (hypothesis.isEmpty()) {
            return Optional.empty();
        }
        if (!Readiness.complete(stopped.get(), records.sequences(experimentId, injectionId))) {
            LOG.debug("injection {} of {} waits for evidence", injectionId, experimentId);
            return Optional.empty(); // the batches themselves are read (and decoded) once, when all are in
        }
        List<EvidenceCaptured> evidence = records.evidence(experimentId, injectionId);
        List<EvidenceCaptured> judged = Readiness.judged(stopped.get(), evidence);
        int revision = started.get().getRevision();
        Verdict verdict = Evaluator.evaluate(hypothesis.get(), revision, judged, started.get(), stopped.get(),
                confidenceLevel);
        return issue(verdict, stopped.get().getHeader(), hypothesis.get(), judged, stopped.get());
    }

    /**
     * {@link #tryIssue} for many injections (a poll's), in far fewer round trips while they run: a few reads for all
     * of them at once ({@link VerdictCandidates}) find those on which tryIssue would act, and only those are tried.
     */
    public void tryIssueAll(Collection<InjectionRef> injections) {
        VerdictCandidates.among(injections, records, verdicts).forEach(i -> tryIssue(i.experimentId(), i.injectionId()));
    }

    /** Issues the ABORTED/REFUSED verdict of a clearance the injector refused: at once, nothing was applied. */
    public synchronized Optional<VerdictIssued> issueRefused(InjectionRefused refused) {
        String experimentId = refused.getHeader().getExperimentId();
        if (alreadyIssued(experimentId, refused.getInjectionId())) {
            records.closeInjection(experimentId, refused.getInjectionId());
            return Optional.empty();
        }
        Optional<Hypothesis> hypothesis = records.hypothesis(experimentId, refused.getRevision());
        Verdict verdict = hypothesis.map(h -> Evaluator.refused(h, refused, confidenceLevel))
                .orElseGet(() -> Evaluator.refused(refused));
        return issue(verdict, refused.getHeader(), hypothesis.orElse(null), List.of(), null);
    }

    /**
     * Issues the ABORTED/LOST verdict of an injection whose injector never reported its stop, or of a clearance that
     * no injector started or refused. An injection whose stop is recorded gets its own verdict instead, once
     * everything it needs is in ({@link #tryIssue}): the listener tries only when a record of the injection arrives,
     * so after an outage this is what judges a run whose last records were stored with no verdict following; it stays
     * open (tried at every sweep) until then.
     */
    public synchronized Optional<VerdictIssued> issueLost(EvidenceRecords.OpenInjection open) {
        String experimentId = open.experimentId();
        UUID injectionId = open.injectionId();
        if (alreadyIssued(experimentId, injectionId)) {
            records.closeInjection(experimentId, injectionId);
            return Optional.empty();
        }
        if (records.stopped(experimentId, injectionId).isPresent()) {
            return tryIssue(experimentId, injectionId);
        }
        Optional<InjectionStarted> started = records.started(experimentId, injectionId);
        if (started.isEmpty()) {
            return issueNeverStarted(experimentId, injectionId, open.deadline());
        }
        Optional<Hypothesis> hypothesis = started.flatMap(s -> records.hypothesis(experimentId, s.getRevision()));
        if (hypothesis.isEmpty()) {
            LOG.warn("injection {} of {} is lost but its hypothesis revision is not recorded yet", injectionId, experimentId);
            return Optional.empty();
        }
        List<EvidenceCaptured> evidence = records.evidence(experimentId, injectionId);
        Verdict verdict = Evaluator.lost(hypothesis.get(), started.get().getRevision(), evidence, started.get(),
                confidenceLevel);
        return issue(verdict, started.get().getHeader(), hypothesis.get(), evidence, null);
    }

    /** @param startBy the time the clearance's injection had to start by (its open injection's deadline) */
    private Optional<VerdictIssued> issueNeverStarted(String experimentId, UUID injectionId, Instant startBy) {
        Optional<PreflightPassed> cleared = records.cleared(experimentId, injectionId);
        Optional<Hypothesis> hypothesis = cleared.flatMap(c -> records.hypothesis(experimentId, c.getRevision()));
        if (hypothesis.isEmpty()) {
            LOG.warn("clearance of injection {} of {} was never started but its hypothesis revision is not recorded yet",
                    injectionId, experimentId);
            return Optional.empty();
        }
        Verdict verdict = Evaluator.neverStarted(hypothesis.get(), cleared.get(), injectionId, startBy,
                confidenceLevel);
        return issue(verdict, cleared.get().getHeader(), hypothesis.get(), List.of(), null);
    }

    private Optional<VerdictIssued> issue(Verdict verdict, EventHeader cause, Hypothesis hypothesis,
                                          List<EvidenceCaptured> evidence, InjectionStopped stopped) {
        EventHeader header = EventHeaders.answering(cause, Actors.service(serviceName), clock);
        VerdictIssued event = VerdictEvents.toEvent(verdict, header);
        String report = hypothesis == null ? ReportWriter.withoutHypothesis(header.getExperimentId(), verdict)
                : ReportWriter.write(header.getExperimentId(), hypothesis, verdict, evidence, stopped);
        Set<String> keys = evidence.stream().map(EvidenceRecords::keyOf).collect(Collectors.toSet());
        if (!verdicts.claim(new IssuedVerdict(event, keys, false, report))) {
            alreadyIssued(header.getExperimentId(), verdict.injectionId());
            return Optional.empty();
        }
        publishOrRemember(event);
        LOG.info("verdict {} for experiment {} injection {}", verdict.outcome(), header.getExperimentId(),
                verdict.injectionId());
        return Optional.of(event);
    }

    /** True when the injection has a verdict; one stored but not yet published is published now. */
    private boolean alreadyIssued(String experimentId, UUID injectionId) {
        Optional<IssuedVerdict> existing = verdicts.find(experimentId, injectionId);
        if (existing.isEmpty()) {
            return false;
        }
        if (!existing.get().published()) {
            VerdictIssued event = existing.get().event();
            Duration age = Duration.between(event.getHeader().getOccurredAt(), clock.instant());
            if (failedHere.remove(key(experimentId, injectionId)) || age.compareTo(PUBLISH_GRACE) >= 0) {
                publishOrRemember(event);
            } else {
                LOG.info("verdict for experiment {} injection {} was claimed {} ms ago by another instance, which "
                        + "publishes it", experimentId, injectionId, age.toMillis());
            }
        }
        return true;
    }

    private void publishOrRemember(VerdictIssued event) {
        try {
            publish(event);
        } catch (RuntimeException e) {
            failedHere.add(key(event.getHeader().getExperimentId(), event.getInjectionId()));
            throw e;
        }
    }

    private static String key(String experimentId, UUID injectionId) {
        return experimentId + "/" + injectionId;
    }

    private void publish(VerdictIssued event) {
        String experimentId = event.getHeader().getExperimentId();
        sink.publish(event);
        verdicts.markPublished(experimentId, event.getInjectionId());
        records.closeInjection(experimentId, event.getInjectionId());
    }
}
