package dev.faultline.injector.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.injector.probe.Prober;
import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collector against a sink that waits or refuses, as the evidence topic does while its broker is away. */
class EvidenceCollectorTest {

    private static final ProbeSpec READS = ProbeSpec.newBuilder().setProbeId("reads").setKind(ProbeKind.HTTP)
            .setTarget("http://127.0.0.1:18080/products/sku-1").setIntervalMillis(10).setTimeoutMillis(1000)
            .setParameters(Map.of()).build();

    /** Answers every probe at once (on the probing thread), as a fast target does. */
    private static final Prober ANSWERS_AT_ONCE = (spec, experimentId) -> CompletableFuture.completedFuture(
            new Sample(spec.getProbeId(), "storefront", Instant.now(), 2, 200, true, List.of(), null));

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    private final List<Batch> published = new CopyOnWriteArrayList<>();

    private record Batch(long sequence, ExperimentPhase phase, int samples) {
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void shouldKeepRecordingAndJudgingSamplesWhileTheSinkWaitsAndPublishEveryOneAfterInOrder() throws Exception {
        CountDownLatch brokerBack = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        EvidenceCollector collector = new EvidenceCollector(ANSWERS_AT_ONCE, scheduler, (sequence, phase, samples) -> {
            if (sequence == 0) {
                waiting.countDown();
                waitFor(brokerBack);
            }
            published.add(new Batch(sequence, phase, samples.size()));
        }, "exp-1", null, () -> { });
        collector.phase(ExperimentPhase.DURING);
        collector.start(List.of(READS), Duration.ofMillis(50));

        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        long atBlock = collector.sampleCount();
        int duringAtBlock = collector.duringSamples().size();
        // while the first batch is held at the sink: answers are still recorded and the guardrails still read them
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.sampleCount() >= atBlock + 30
                && collector.duringSamples().size() >= duringAtBlock + 30);
        assertThat(published).isEmpty();

        brokerBack.countDown();
        quiesce();
        collector.finish(Duration.ofSeconds(1));

        assertThat(published).extracting(Batch::sequence)
                .containsExactlyElementsOf(LongStream.range(0, published.size()).boxed().toList());
        assertThat(published.size()).isGreaterThan(1);
        assertThat(published.stream().mapToLong(Batch::samples).sum()).isEqualTo(collector.sampleCount());
        assertThat(collector.batches()).isEqualTo(published.size());
    }

    @Test
    void shouldSendARefusedBatchAgainUnderItsNumberAtTheNextFlush() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EvidenceCollector collector = new EvidenceCollector(ANSWERS_AT_ONCE, scheduler, (sequence, phase, samples) -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("cannot publish EvidenceCaptured: timed out");
            }
            published.add(new Batch(sequence, phase, samples.size()));
        }, "exp-2", null, () -> { });
        collector.start(List.of(READS), Duration.ofMillis(50));

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= 3);
        quiesce();
        collector.finish(Duration.ofSeconds(1));

        assertThat(attempts.get()).isGreaterThan(published.size());
        assertThat(published.get(0).sequence()).isZero();
        assertThat(published).extracting(Batch::sequence)
                .containsExactlyElementsOf(LongStream.range(0, published.size()).boxed().toList());
        assertThat(published.stream().mapToLong(Batch::samples).sum()).isEqualTo(collector.sampleCount());
        assertThat(collector.batches()).isEqualTo(published.size());
    }

    @Test
    void shouldRecordNoAnswerThatStraddlesTheFaultsRemovalAndSendNoProbeWhileItIsUnderWay() throws Exception {
        // answers held until released: one probe sent while the fault is in force, answered after its removal began
        List<CompletableFuture<Sample>> held = new CopyOnWriteArrayList<>();
        Prober holding = (spec, experimentId) -> {
            CompletableFuture<Sample> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        };
        EvidenceCollector collector = new EvidenceCollector(holding, scheduler,
                (sequence, phase, samples) -> published.add(new Batch(sequence, phase, samples.size())), "exp-3", null,
                () -> { });
        collector.phase(ExperimentPhase.DURING);
        collector.start(List.of(READS), Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() >= 3);

        collector.changing(); // the removal begins
        int sentBeforeTheRemoval = held.size();
        answerAll(held);
        // probes run every 10 ms: none is sent while the removal is under way
        CountDownLatch tenProbePeriods = new CountDownLatch(1);
        scheduler.schedule(tenProbePeriods::countDown, 100, TimeUnit.MILLISECONDS);
        assertThat(tenProbePeriods.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(held).hasSize(sentBeforeTheRemoval);
        assertThat(collector.duringSamples()).as("answered after the removal began: evidence of neither phase").isEmpty();
        assertThat(collector.sampleCount()).isZero();

        collector.phase(ExperimentPhase.AFTER); // removed
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() > sentBeforeTheRemoval);
        answerAll(held);
        quiesce();
        collector.finish(Duration.ofSeconds(1));

        assertThat(collector.sampleCount()).isEqualTo(held.size() - sentBeforeTheRemoval);
        assertThat(published).isNotEmpty().allSatisfy(batch -> assertThat(batch.phase()).isEqualTo(ExperimentPhase.AFTER));
    }

    private static void answerAll(List<CompletableFuture<Sample>> held) {
        held.forEach(answer -> answer.complete(new Sample("reads", "storefront", Instant.now(), 2, 200, true, List.of(),
                null)));
    }

    /** Stops the probes and the periodic flushes, letting any under way end, so that nothing records after finish. */
    private void quiesce() throws InterruptedException {
        scheduler.shutdown();
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
