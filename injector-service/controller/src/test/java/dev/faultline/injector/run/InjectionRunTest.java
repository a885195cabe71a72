package dev.faultline.injector.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.Timings;
import dev.faultline.injector.fault.FakeDataPlane;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.guardrail.Breach;
import dev.faultline.injector.probe.Prober;
import dev.faultline.injector.probe.Sample;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lifecycle against an in-memory data plane and a prober that fails while the fault is on. */
class InjectionRunTest {

    private static final Timings FAST = new Timings(Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofSeconds(5));

    private final FakeDataPlane dataPlane = new FakeDataPlane("pricing");
    private final RecordingEvents events = new RecordingEvents();
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final Prober prober = (spec, experimentId) -> CompletableFuture.completedFuture(
            Fixtures.sample(spec.getProbeId(), Instant.now(), 5, !dataPlane.faultOn()));
    private final AtomicInteger evaluations = new AtomicInteger();
    private final List<Breach> breaches = new CopyOnWriteArrayList<>();
    private final RunMetrics metrics = new RunMetrics() {
        @Override
        public void guardrailsEvaluated() {
            evaluations.incrementAndGet();
        }

        @Override
        public void guardrailBreached(Breach breach) {
            breaches.add(breach);
        }
    };

    private InjectionRun run(long durationMillis, List<Guardrail> guardrails) {
        return run(durationMillis, guardrails, prober, FAST);
    }

    private InjectionRun run(long durationMillis, List<Guardrail> guardrails, Prober prober, Timings timings) {
        Hypothesis hypothesis = Fixtures.hypothesis(
                Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, durationMillis, Map.of()),
                List.of(Fixtures.probe("reads", "http://unused", 20, 1000)), guardrails);
        UUID injectionId = UUID.randomUUID();
        RunRequest request = new RunRequest("exp-1", 1, injectionId, UUID.randomUUID(), Environment.STAGING, hypothesis,
                Fixtures.planned(dataPlane, hypothesis, injectionId, "fl-test"),
                EventHeaders.first("exp-1", Actors.service("safety-service"), Clock.systemUTC()));
        return new InjectionRun(request, prober, events, store, metrics, timings, Clock.systemUTC());
    }

    @Test
    void shouldRunEveryPhaseAndLeaveNoFault() {
        RunOutcome outcome = run(600, List.of()).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(outcome.rollbackVerified()).isTrue();
        assertThat(Duration.between(outcome.startedAt(), outcome.stoppedAt()).toMillis()).isBetween(600L, 1500L);
        assertThat(dataPlane.toxics).isEmpty();
        assertThat(dataPlane.everCreated).contains("fl-test-timeout-upstream");
        assertThat(dataPlane.renewals.get()).isGreaterThanOrEqualTo(3);
        assertThat(store.active).isEmpty();
        assertThat(events.order.get(events.order.size() - 1)).isEqualTo("stopped");
        assertThat(events.order.indexOf("started")).isLessThan(events.order.indexOf("evidence-DURING"));
        assertThat(events.batches).extracting(RecordingEvents.Batch::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, events.batches.size()).boxed().toList());
        assertThat(events.batches).extracting(RecordingEvents.Batch::phase)
                .contains(ExperimentPhase.BEFORE, ExperimentPhase.DURING, ExperimentPhase.AFTER);
        assertThat(outcome.evidenceBatches()).isEqualTo(events.batches.size());
        List<Sample> during = events.batches.stream().filter(b -> b.phase() == ExperimentPhase.DURING)
                .flatMap(b -> b.samples().stream()).toList();
        assertThat(during).isNotEmpty().allSatisfy(s -> assertThat(s.ok()).isFalse());
    }

    /**
     * A slow broker holds InjectionStarted's publish: the lease is renewed meanwhile, since it runs out a lease's ttl
     * after the fault was applied whatever the publish takes (in a crowded compose stack it took longer than the 3 s
     * lease, the data plane removed the fault, and the run ended FAILED).
     */
    @Test
    void shouldRenewTheLeaseWhileInjectionStartedIsBeingPublished() {
        events.whileStarting = () -> await().atMost(Duration.ofSeconds(2)).until(() -> dataPlane.renewals.get() >= 3);

        RunOutcome outcome = run(600, List.of()).execute();

        assertThat(outcome.reason()).as(outcome.detail()).isEqualTo(StopReason.COMPLETED);
        assertThat(dataPlane.toxics).isEmpty();
    }

    /**
     * The store down when the run ends: the run still ends at once, COMPLETED, and leaves its row to the store, which
     * forgets it at the instance's next heartbeat (not left for a restart to report LOST; CassandraRunStore's side:
     * TwoInjectorsIT's cut-off instance).
     */
    @Test
    void shouldEndTheRunAndLeaveItsRowToTheNextHeartbeatWhenTheStoreDoesNotAnswer() {
        store.failingRemovals.set(1);

        RunOutcome outcome = run(300, List.of()).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(store.active()).as("the store did not answer").hasSize(1);
        store.beat(Instant.now(), null);
        assertThat(store.active()).as("nothing a restart would report LOST").isEmpty();
    }

    @Test
    void shouldSayInTheStopWhatTheRemovalFoundInTheFaultsPlace() {
        Hypothesis hypothesis = Fixtures.hypothesis(
                Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 300, Map.of()), List.of(), List.of());
        UUID injectionId = UUID.randomUUID();
        Fault planned = Fixtures.planned(dataPlane, hypothesis, injectionId, "fl-test");
        Fault killedAndBack = new Fault() {
            public String where() {
                return planned.where();
            }

            public String rehearse() {
                return planned.rehearse();
            }

            public void apply() {
                planned.apply();
            }

            public boolean renew() {
                return planned.renew();
            }

            public boolean remove() {
                return planned.remove();
            }

            public String removalDetail() {
                return "back: killed [41], now running as [42]";
            }
        };
        RunRequest request = new RunRequest("exp-1", 1, injectionId, UUID.randomUUID(), Environment.STAGING, hypothesis,
                killedAndBack, EventHeaders.first("exp-1", Actors.service("safety-service"), Clock.systemUTC()));

        RunOutcome outcome = new InjectionRun(request, prober, events, store, metrics, FAST, Clock.systemUTC()).execute();

        assertThat(outcome.detail()).endsWith("fault removed and verified gone (back: killed [41], now running as [42])");
    }

    @Test
    void shouldRemoveTheFaultAtOnceWhenAGuardrailIsBreached() {
        RunOutcome outcome = run(10_000, List.of(Fixtures.errorRateGuardrail("reads", 300, 100))).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.GUARDRAIL);
        assertThat(outcome.guardrailId()).isEqualTo("reads-failing");
        assertThat(outcome.observed()).isGreaterThan(0.5);
        assertThat(Duration.between(outcome.startedAt(), outcome.stoppedAt()).toMillis()).isLessThan(2000);
        assertThat(outcome.breachToRemovalMillis()).isBetween(0L, 500L);
        assertThat(outcome.detail()).contains("ms after detection");
        assertThat(dataPlane.toxics).isEmpty();
        assertThat(breaches).singleElement().satisfies(b -> assertThat(b.rule().id()).isEqualTo("reads-failing"));
        assertThat(evaluations).hasPositiveValue();
    }

    @Test
    void shouldStopOnTheFirstBreachingSampleWithoutWaitingForTheTick() {
        Timings noTick = new Timings(Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(5));

        RunOutcome outcome = run(10_000, List.of(Fixtures.errorRateGuardrail("reads", 300, 0)), prober, noTick).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.GUARDRAIL);
        assertThat(Duration.between(outcome.startedAt(), outcome.stoppedAt()).toMillis()).isLessThan(2000);
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldStopAsAGuardrailBreachWhenTheProbeFallsSilent() {
        Timings shortSilence = new Timings(Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(300));
        // answers while the fault is off, never while it is on: the guardrail cannot see what the fault does
        Prober silencedByTheFault = (spec, experimentId) -> dataPlane.faultOn() ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(Fixtures.sample(spec.getProbeId(), Instant.now(), 5, true));

        RunOutcome outcome = run(10_000, List.of(Fixtures.errorRateGuardrail("reads", 300, 100)), silencedByTheFault,
                shortSilence).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.GUARDRAIL);
        assertThat(outcome.guardrailId()).isEqualTo("reads-failing");
        assertThat(outcome.observed()).isNull();
        assertThat(outcome.detail()).contains("breached: running blind: no sample from reads for 0.3 s");
        assertThat(Duration.between(outcome.startedAt(), outcome.stoppedAt()).toMillis()).isBetween(300L, 2000L);
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldStopWhenHalted() {
        InjectionRun run = run(10_000, List.of());
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(run::execute);
        await().atMost(Duration.ofSeconds(5)).until(dataPlane::faultOn);
        run.stop(StopCause.of(StopReason.HALTED, "halted by op"));

        RunOutcome done = outcome.join();
        assertThat(done.reason()).isEqualTo(StopReason.HALTED);
        assertThat(done.detail()).contains("halted by op");
        assertThat(Duration.between(done.startedAt(), done.stoppedAt()).toMillis()).isLessThan(3000);
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldStopAsFailedWhenTheLeaseCannotBeRenewed() {
        dataPlane.renewFails = true;
        RunOutcome outcome = run(10_000, List.of()).execute();
        assertThat(outcome.reason()).isEqualTo(StopReason.FAILED);
        assertThat(outcome.detail()).contains("lease renewal failed");
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldKeepTheFaultWhileUnansweredRenewalsLeaveTheLeaseRunning() {
        dataPlane.unansweredRenewals.set(10); // a second of renewals every 100 ms, within the lease's 3 s
        RunOutcome outcome = run(2_000, List.of()).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(dataPlane.unansweredRenewals).hasValue(0);
        assertThat(dataPlane.renewals.get()).isGreaterThan(10);
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldStopAsFailedOnceUnansweredRenewalsLetTheLeaseLapse() {
        dataPlane.unansweredRenewals.set(Integer.MAX_VALUE);
        RunOutcome outcome = run(10_000, List.of()).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.FAILED);
        assertThat(outcome.detail()).contains("lease renewal failed: data plane fake unreachable", "past the lease's 3000 ms");
        assertThat(Duration.between(outcome.startedAt(), outcome.stoppedAt()).toMillis()).isBetween(3000L, 6000L);
        assertThat(dataPlane.toxics).isEmpty();
    }

    @Test
    void shouldApplyNothingWhenTheStopActionCannotBeVerified() {
        FakeDataPlane other = new FakeDataPlane("another-proxy");
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of()),
                List.of(), List.of());
        UUID injectionId = UUID.randomUUID();
        RunRequest request = new RunRequest("exp-1", 1, injectionId, UUID.randomUUID(), Environment.STAGING, hypothesis,
                Fixtures.planned(other, hypothesis, injectionId, "fl"),
                EventHeaders.first("exp-1", Actors.service("safety-service"), Clock.systemUTC()));
        RunOutcome outcome = new InjectionRun(request, prober, events, store, metrics, FAST, Clock.systemUTC()).execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.REFUSED);
        assertThat(other.everCreated).isEmpty();
        assertThat(events.order).doesNotContain("started", "stopped").endsWith("refused");
        assertThat(events.refusal.reason()).isEqualTo(RefusalReason.REHEARSAL_FAILED);
        assertThat(events.refusal.detail()).contains("could not be rehearsed on L4 proxy 'pricing'").contains("does not exist");
        assertThat(events.refusal.injectionId()).isEqualTo(RunRequest.injectionIdOf(request.clearanceId()));
    }

    @Test
    void shouldRefuseWithTheCauseWhenStoppedBeforeTheFaultIsApplied() {
        InjectionRun run = run(10_000, List.of());
        run.stop(StopCause.of(StopReason.HALTED, "halted by op during BEFORE"));

        RunOutcome outcome = run.execute();

        assertThat(outcome.reason()).isEqualTo(StopReason.REFUSED);
        assertThat(dataPlane.everCreated).isEmpty();
        assertThat(events.order).doesNotContain("started", "stopped").endsWith("refused");
        assertThat(events.refusal.reason()).isEqualTo(RefusalReason.STOPPED_BEFORE_START);
        assertThat(events.refusal.detail()).contains("HALTED").contains("halted by op during BEFORE");
    }

    @Test
    void shouldRemoveTheFaultWhenInjectionStartedCannotBePublished() {
        events.failStarted = true;
        RunOutcome outcome = run(10_000, List.of()).execute();
        assertThat(outcome.reason()).isEqualTo(StopReason.FAILED);
        assertThat(outcome.detail()).contains("broker unavailable");
        assertThat(outcome.rollbackVerified()).isTrue();
        assertThat(dataPlane.everCreated).contains("fl-test-timeout-upstream");
        assertThat(dataPlane.toxics).isEmpty();
        assertThat(store.active).isEmpty();
    }
}
