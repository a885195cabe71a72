package dev.faultline.injector.evidence;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.injector.probe.Sample;
import dev.faultline.injector.run.InjectionEvents;
import dev.faultline.injector.run.Refusal;
import dev.faultline.injector.run.RunOutcome;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.ProbeSample;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@link InjectionEvents} on Kafka: faultline.injections and faultline.evidence, each event answering the PreflightPassed. */
@Singleton
public class KafkaInjectionEvents implements InjectionEvents {

    private final EventPublisher publisher;
    private final Actor actor;
    private final String controllerId;
    private final Clock clock = Clock.systemUTC();

    public KafkaInjectionEvents(EventPublisher publisher, KafkaSettings kafka, InjectorSettings settings) {
        this.publisher = publisher;
        this.actor = Actors.service(kafka.serviceName());
        this.controllerId = settings.controllerId();
    }

    @Override
    public void started(RunRequest run, Instant leaseExpiresAt, Instant deadline, boolean stopActionVerified) {
        publisher.publish(InjectionStarted.newBuilder().setHeader(header(run)).setRevision(run.revision())
                .setInjectionId(run.injectionId()).setClearanceId(run.clearanceId()).setFault(run.hypothesis().getScenario())
                .setController(controllerId + "/" + run.holder()).setLeaseExpiresAt(leaseExpiresAt).setDeadline(deadline)
                .setStopActionVerified(stopActionVerified).build());
    }

    @Override
    public void evidence(RunRequest run, long sequence, ExperimentPhase phase, List<Sample> samples) {
        publisher.publish(EvidenceCaptured.newBuilder().setHeader(header(run)).setInjectionId(run.injectionId())
                .setSequence(sequence).setPhase(phase).setSamples(samples.stream().map(KafkaInjectionEvents::toAvro).toList())
                .setReferences(EvidenceReferences.of(run.hypothesis().getProbes(), samples)).build());
    }

    @Override
    public void stopped(RunRequest run, RunOutcome outcome) {
        publisher.publish(stoppedEvent(header(run), run.injectionId(), outcome, outcome.evidenceBatches()));
    }

    @Override
    public void refused(Refusal refusal) {
        Hypothesis hypothesis = refusal.hypothesis();
        publisher.publish(InjectionRefused.newBuilder().setHeader(EventHeaders.answering(refusal.cause(), actor, clock))
                .setInjectionId(refusal.injectionId()).setClearanceId(refusal.clearanceId()).setRevision(refusal.revision())
                .setEnvironment(refusal.environment()).setService(hypothesis == null ? "" : hypothesis.getService())
                .setFault(hypothesis == null ? null : hypothesis.getScenario()).setReason(refusal.reason())
                .setDetail(refusal.detail()).setEvidenceBatches(refusal.evidenceBatches()).build());
    }

    /** The InjectionStopped event of an outcome (also used by recovery for LOST injections). */
    public static InjectionStopped stoppedEvent(EventHeader header, java.util.UUID injectionId, RunOutcome outcome,
                                               Long evidenceBatches) {
        return InjectionStopped.newBuilder().setHeader(header).setInjectionId(injectionId).setReason(outcome.reason())
                .setGuardrailId(outcome.guardrailId()).setObserved(outcome.observed()).setDetail(outcome.detail())
                .setStartedAt(outcome.startedAt()).setStoppedAt(outcome.stoppedAt())
                .setRollbackVerified(outcome.rollbackVerified()).setEvidenceBatches(evidenceBatches).build();
    }

    private EventHeader header(RunRequest run) {
        return EventHeaders.answering(run.cause(), actor, clock);
    }

    static ProbeSample toAvro(Sample s) {
        return ProbeSample.newBuilder().setProbeId(s.probeId()).setComponent(s.component()).setAt(s.at())
                .setLatencyMillis(s.latencyMillis()).setStatus(s.status()).setOk(s.ok()).setHeaders(s.headers())
                .setError(s.error()).setValue(s.value()).build();
    }
}
