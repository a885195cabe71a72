package dev.faultline.analysis.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.kit.events.Actors;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opening a verdict's follow-ups once, and triaging them, over in-memory ports. */
class FollowUpOpenerTest {

    private final MemoryStore store = new MemoryStore();
    private final List<Object> published = new ArrayList<>();
    private boolean failNextPublish;
    private final FollowUpEvents events = new FollowUpEvents() {
        @Override
        public void opened(FollowUpOpened opened) {
            publish(opened);
        }

        @Override
        public void changed(FollowUpStateChanged changed) {
            publish(changed);
        }
    };
    private final TargetOwners owners = new TargetOwners() {
        @Override
        public void declare(TargetDeclared declared) {
        }

        @Override
        public List<String> owners(Environment environment, String service) {
            return environment == Environment.STAGING && service.equals("storefront") ? List.of("team-storefront", "ops")
                    : List.of();
        }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    private final FollowUpOpener opener = new FollowUpOpener(store, events, owners, clock, "analysis-service");
    private final FollowUpTriage triage = new FollowUpTriage(store, events, clock);

    @Test
    void shouldOpenEachFollowUpOnceLinkedToItsPredictionAndAssignedToTheFirstOwner() {
        VerdictIssued verdict = verdict("storefront");

        List<FollowUpOpened> opened = opener.open(verdict);
        List<FollowUpOpened> again = opener.open(verdict);

        assertThat(opened).extracting(FollowUpOpened::getKind, FollowUpOpened::getPredictionId, FollowUpOpened::getAssignee)
                .containsExactly(tuple(FollowUpKind.FIX_SYSTEM, "reads-p99", "team-storefront"),
                        tuple(FollowUpKind.UPDATE_HYPOTHESIS, "reads-p99", "team-storefront"),
                        tuple(FollowUpKind.RERUN, null, "team-storefront"));
        assertThat(again).isEmpty();
        assertThat(published).hasSize(3);
        assertThat(opened.get(0).getFollowUpId()).isEqualTo(FollowUpOpener.idOf(verdict.getHeader().getEventId(), 0));
        assertThat(opened.get(0).getHeader().getCausationId()).isEqualTo(verdict.getHeader().getEventId());
        assertThat(store.find(opened.get(0).getFollowUpId())).get()
                .extracting(QueuedFollowUp::state, QueuedFollowUp::published).containsExactly(FollowUpState.OPEN, true);
    }

    @Test
    void shouldLeaveAFollowUpUnassignedWhenTheTargetHasNoOwner() {
        assertThat(opener.open(verdict("checkout"))).extracting(FollowUpOpened::getAssignee).containsOnlyNulls();
    }

    @Test
    void shouldPublishAClaimWhosePublicationFailedWhenTheVerdictComesAgain() {
        VerdictIssued verdict = verdict("storefront");
        failNextPublish = true;

        assertThatThrownBy(() -> opener.open(verdict)).hasMessageContaining("broker down");
        UUID first = FollowUpOpener.idOf(verdict.getHeader().getEventId(), 0);
        assertThat(store.find(first)).get().extracting(QueuedFollowUp::published).isEqualTo(false);

        List<FollowUpOpened> retried = opener.open(verdict);

        assertThat(retried).extracting(FollowUpOpened::getFollowUpId).startsWith(first).hasSize(3);
        assertThat(published).hasSize(3);
        assertThat(store.all()).allMatch(QueuedFollowUp::published);
    }

    @Test
    void shouldPublishATransitionThenRecordItAndKeepTheLinks() {
        FollowUpOpened fix = opener.open(verdict("storefront")).get(0);

        triage.transition(fix.getFollowUpId(), FollowUpState.ACCEPTED, "bob", null, "bob");
        QueuedFollowUp done = triage.transition(fix.getFollowUpId(), FollowUpState.DONE, null, "timeout added", "bob")
                .orElseThrow();

        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.assignee()).isEqualTo("bob");
        FollowUpStateChanged last = (FollowUpStateChanged) published.get(published.size() - 1);
        assertThat(last.getSequence()).isEqualTo(2);
        assertThat(last.getHeader().getActor()).isEqualTo(Actors.person("bob"));
        assertThat(last.getKind()).isEqualTo(FollowUpKind.FIX_SYSTEM);
        assertThat(last.getService()).isEqualTo("storefront");
        assertThat(last.getHeader().getExperimentId()).isEqualTo("exp-1");
        assertThat(store.history(fix.getFollowUpId())).extracting(FollowUpStateChanged::getTo)
                .containsExactly(FollowUpState.ACCEPTED, FollowUpState.DONE);
        assertThatThrownBy(() -> triage.transition(fix.getFollowUpId(), FollowUpState.OPEN, null, null, "bob"))
                .isInstanceOf(Triage.Refused.class);
        assertThat(triage.transition(UUID.randomUUID(), FollowUpState.DONE, null, null, "bob")).isEmpty();
    }

    @Test
    void shouldApplyAChangeReadBackFromTheTopicOnlyOnce() {
        FollowUpOpened fix = opener.open(verdict("storefront")).get(0);
        triage.transition(fix.getFollowUpId(), FollowUpState.ACCEPTED, null, null, "dave");
        FollowUpStateChanged change = (FollowUpStateChanged) published.get(published.size() - 1);

        assertThat(store.apply(change)).isFalse();
        assertThat(store.history(fix.getFollowUpId())).hasSize(1);
    }

    private void publish(Object event) {
        if (failNextPublish) {
            failNextPublish = false;
            throw new IllegalStateException("broker down");
        }
        published.add(event);
    }

    private static VerdictIssued verdict(String service) {
        EventHeader header = EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("exp-1")
                .setOccurredAt(Instant.parse("2026-12-05T11:00:00Z")).setActor(Actors.service("analysis-service"))
                .build();
        PredictionResult p99 = PredictionResult.newBuilder().setPredictionId("reads-p99")
                .setStatistic(Statistic.P99_LATENCY).setComparator(ComparisonOperator.LESS_THAN).setThreshold(1000)
                .setUnit(MeasureUnit.MILLISECONDS).setObserved(1203.0).setSampleCount(150).setRequiredSamples(50)
                .setOutcome(PredictionOutcome.NOT_HELD).setExplanation("p99 1203 ms ≥ 1000 ms").build();
        PredictionResult reads = PredictionResult.newBuilder(p99).setPredictionId("reads").build();
        return VerdictIssued.newBuilder().setHeader(header).setRevision(1).setService(service)
                .setFaultType(FaultType.NETWORK_LATENCY).setEnvironment(Environment.STAGING)
                .setOutcome(VerdictOutcome.PARTIALLY_HELD).setInjectionId(UUID.randomUUID()).setResults(List.of(reads, p99))
                .setSampleCount(150).setSummary("s")
                .setFollowUps(List.of(
                        followUp(FollowUpKind.FIX_SYSTEM, "reads-p99", "reads-p99 (p99 of reads < 1000 ms): p99 1203 ms ≥ 1000 ms"),
                        followUp(FollowUpKind.UPDATE_HYPOTHESIS, "reads-p99", "reads-p99: the observed 1203 missed the threshold"),
                        followUp(FollowUpKind.NONE, null, "nothing"),
                        followUp(FollowUpKind.RERUN, null, "The injection was HALTED; rerun once the halt is lifted.")))
                .build();
    }

    private static FollowUp followUp(FollowUpKind kind, String predictionId, String description) {
        return FollowUp.newBuilder().setKind(kind).setDescription(description).setPredictionId(predictionId).build();
    }

    /** The queue in memory, with the Cassandra store's conditions. */
    private static final class MemoryStore implements FollowUpStore {

        private final Map<UUID, QueuedFollowUp> rows = new TreeMap<>();
        private final Map<UUID, List<FollowUpStateChanged>> changes = new TreeMap<>();

        @Override
        public boolean claim(FollowUpOpened opened) {
            return insert(opened, false);
        }

        @Override
        public void markPublished(UUID id) {
            QueuedFollowUp f = rows.get(id);
            rows.put(id, new QueuedFollowUp(f.opened(), f.state(), f.assignee(), f.sequence(), f.updatedAt(), true));
        }

        @Override
        public void saveKnown(FollowUpOpened opened) {
            if (!insert(opened, true)) {
                markPublished(opened.getFollowUpId());
            }
        }

        @Override
        public boolean apply(FollowUpStateChanged c) {
            QueuedFollowUp f = rows.get(c.getFollowUpId());
            if (f == null || f.sequence() != c.getSequence() - 1) {
                return false;
            }
            rows.put(c.getFollowUpId(), new QueuedFollowUp(f.opened(), c.getTo(), c.getAssignee(), c.getSequence(),
                    c.getHeader().getOccurredAt(), f.published()));
            changes.computeIfAbsent(c.getFollowUpId(), id -> new ArrayList<>()).add(c);
            return true;
        }

        @Override
        public Optional<QueuedFollowUp> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<QueuedFollowUp> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public List<FollowUpStateChanged> history(UUID id) {
            return changes.getOrDefault(id, List.of());
        }

        private boolean insert(FollowUpOpened opened, boolean published) {
            if (rows.containsKey(opened.getFollowUpId())) {
                return false;
            }
            rows.put(opened.getFollowUpId(), new QueuedFollowUp(opened, FollowUpState.OPEN, opened.getAssignee(), 0,
                    opened.getHeader().getOccurredAt(), published));
            return true;
        }
    }
}
