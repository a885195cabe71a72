package dev.faultline.analysis.evidence;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.InMemoryRecords;
import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The intake a poll at a time answers as it did an event at a time: whatever the order of the events and wherever
 * the poll boundaries fall, with redeliveries, exactly one verdict is issued, equal to the one an event at a time
 * gives, with the same stored report and evidence — and it is issued by the poll that completes the injection.
 */
class IntakePollTest {

    static final String EXP = "exp-polls";
    static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

    /** One analysis-service over in-memory stores, its published verdicts collected. */
    static final class Service {
        final InMemoryRecords records = new InMemoryRecords();
        final List<VerdictIssued> published = new ArrayList<>();
        final EvidenceIntake intake = new EvidenceIntake(records, new VerdictIssuer(records, records, published::add,
                Clock.fixed(T0.plusSeconds(40), ZoneOffset.UTC),
                new KafkaSettings("127.0.0.1:9092", "http://127.0.0.1:8081", "analysis-service")));

        /** Handles {@code events} as one poll, as the kit's dispatch does: start each, flush, await, finish. */
        void poll(List<SpecificRecord> events) {
            IntakePoll poll = intake.poll();
            List<CompletionStage<Void>> stored = new ArrayList<>();
            events.forEach(e -> stored.add(poll.start(new IncomingEvent("t", 0, 0, EXP, e, T0))));
            poll.flush();
            stored.forEach(s -> s.toCompletableFuture().join());
            poll.finish();
        }
    }

    static List<SpecificRecord> events() {
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        List<SpecificRecord> events = new ArrayList<>();
        events.add(Fixtures.drafted(EXP, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
        events.add(Fixtures.started(EXP, INJ, 1, T0, T0.plusSeconds(30)));
        events.addAll(evidence);
        events.add(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        return events;
    }

    @Test
    void shouldIssueTheVerdictAnEventAtATimeGivesWhereverThePollsBegin() {
        Service oneByOne = new Service();
        events().forEach(e -> oneByOne.poll(List.of(e)));
        assertThat(oneByOne.published).hasSize(1);
        VerdictIssued expected = oneByOne.published.get(0);

        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            List<SpecificRecord> shuffled = new ArrayList<>(events());
            shuffled.addAll(events().subList(5, 5 + random.nextInt(20))); // redeliveries
            Collections.shuffle(shuffled, random);
            Service polled = new Service();
            for (int from = 0; from < shuffled.size(); ) {
                int to = Math.min(shuffled.size(), from + 1 + random.nextInt(60));
                polled.poll(shuffled.subList(from, to));
                from = to;
            }

            assertThat(polled.published).as("seed " + seed).hasSize(1);
            VerdictIssued verdict = polled.published.get(0);
            assertThat(VerdictIssued.newBuilder(verdict).setHeader(expected.getHeader()).build()).as("seed " + seed)
                    .isEqualTo(expected);
            assertThat(polled.records.find(EXP, INJ).orElseThrow().report()).as("seed " + seed)
                    .isEqualTo(oneByOne.records.find(EXP, INJ).orElseThrow().report());
            assertThat(EvidenceSummary.unique(polled.records.evidence(EXP)))
                    .isEqualTo(EvidenceSummary.unique(oneByOne.records.evidence(EXP)));
        }
    }

    @Test
    void shouldIssueInThePollThatCompletesTheInjectionAndNotBefore() {
        List<SpecificRecord> events = events();
        Service service = new Service();
        service.poll(events.subList(0, events.size() - 2)); // all but the last batch and the stop
        service.poll(List.of(events.get(events.size() - 1)));
        assertThat(service.published).isEmpty();

        service.poll(List.of(events.get(events.size() - 2), events.get(3), events.get(4)));

        assertThat(service.published).hasSize(1);
        service.poll(events.subList(2, 10));
        assertThat(service.published).as("redelivered batches publish nothing new").hasSize(1);
    }
}
