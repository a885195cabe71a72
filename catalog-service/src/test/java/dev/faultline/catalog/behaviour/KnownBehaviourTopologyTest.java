package dev.faultline.catalog.behaviour;

import static dev.faultline.catalog.streams.TestEvents.T0;
import static dev.faultline.catalog.streams.TestVerdicts.orders503;
import static dev.faultline.catalog.streams.TestVerdicts.readsP99;
import static dev.faultline.catalog.streams.TestVerdicts.readsServed;
import static dev.faultline.catalog.streams.TestVerdicts.verdict;
import static dev.faultline.schemas.avro.PredictionOutcome.HELD;
import static dev.faultline.schemas.avro.PredictionOutcome.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ObservedDimension;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnownBehaviourTopologyTest {

    private static final String KEY = "storefront|NETWORK_BLACKHOLE";

    private CatalogDriver driver;
    private TestInputTopic<String, VerdictIssued> verdicts;
    private TestOutputTopic<String, KnownBehaviourUpdated> catalog;

    @BeforeEach
    void start() {
        driver = new CatalogDriver();
        verdicts = driver.verdicts();
        catalog = driver.catalog();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(VerdictIssued verdict) {
        verdicts.pipeInput(verdict.getHeader().getExperimentId(), verdict);
    }

    private static ObservedDimension dimension(KnownBehaviourUpdated entry, String id) {
        return entry.getDimensions().stream().filter(d -> d.getDimension().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldAddAnEntryForTheFirstVerdictOfAServiceAndFailureMode() {
        VerdictIssued verdict = verdict("exp-1", VerdictOutcome.PARTIALLY_HELD, T0, readsServed(HELD, 1.0),
                readsP99(NOT_HELD, 1210));
        send(verdict);

        KeyValue<String, KnownBehaviourUpdated> out = catalog.readKeyValue();
        assertThat(out.key).isEqualTo(KEY);
        KnownBehaviourUpdated entry = out.value;
        assertThat(entry.getChange()).isEqualTo(CatalogChange.ADDED);
        assertThat(entry.getBehaviourKey()).isEqualTo(KEY);
        assertThat(entry.getExperimentIds()).containsExactly("exp-1");
        assertThat(entry.getLastTestedAt()).isEqualTo(T0);
        assertThat(dimension(entry, "reads-served").getConfirmations()).isEqualTo(1);
        assertThat(dimension(entry, "reads-p99").getContradictions()).isEqualTo(1);
        assertThat(dimension(entry, "reads-p99").getLastObserved()).isEqualTo(1210.0);
        assertThat(entry.getHeader().getExperimentId()).isEqualTo("exp-1");
        assertThat(entry.getHeader().getCausationId()).isEqualTo(verdict.getHeader().getEventId());
        assertThat(entry.getHeader().getActor().getKind()).isEqualTo(ActorKind.SERVICE);
        assertThat(entry.getHeader().getOccurredAt()).isEqualTo(CatalogDriver.NOW);
        assertThat(driver.<KnownBehaviourUpdated>keyValueStore(KnownBehaviourTopology.STORE).orElseThrow().get(KEY))
                .isEqualTo(entry);
    }

    @Test
    void shouldConfirmWhenTheOutcomesMatchThePreviousOnes() {
        send(verdict("exp-1", VerdictOutcome.PARTIALLY_HELD, T0, readsServed(HELD, 1.0), readsP99(NOT_HELD, 1210)));
        send(verdict("exp-2", VerdictOutcome.PARTIALLY_HELD, T0.plusSeconds(60), readsServed(HELD, 0.995),
                readsP99(NOT_HELD, 1190)));

        KnownBehaviourUpdated entry = catalog.readValuesToList().get(1);
        assertThat(entry.getChange()).isEqualTo(CatalogChange.CONFIRMED);
        assertThat(entry.getExperimentIds()).containsExactly("exp-1", "exp-2");
        assertThat(dimension(entry, "reads-served").getConfirmations()).isEqualTo(2);
        assertThat(dimension(entry, "reads-p99").getContradictions()).isEqualTo(2);
        assertThat(dimension(entry, "reads-p99").getExperimentIds()).containsExactly("exp-1", "exp-2");
        assertThat(entry.getLastTestedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldContradictWhenADimensionFlipsBetweenHeldAndNotHeld() {
        send(verdict("exp-1", VerdictOutcome.PARTIALLY_HELD, T0, readsServed(HELD, 1.0), readsP99(NOT_HELD, 1210)));
        send(verdict("exp-2", VerdictOutcome.ALL_HELD, T0.plusSeconds(60), readsServed(HELD, 1.0), readsP99(HELD, 1150)));

        KnownBehaviourUpdated entry = catalog.readValuesToList().get(1);
        assertThat(entry.getChange()).isEqualTo(CatalogChange.CONTRADICTED);
        ObservedDimension p99 = dimension(entry, "reads-p99");
        assertThat(p99.getLastOutcome()).isEqualTo(HELD);
        assertThat(p99.getConfirmations()).isEqualTo(1);
        assertThat(p99.getContradictions()).isEqualTo(1);
    }

    @Test
    void shouldRefineWhenANewDimensionIsObserved() {
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, T0, readsServed(HELD, 1.0)));
        send(verdict("exp-2", VerdictOutcome.ALL_HELD, T0.plusSeconds(60), readsServed(HELD, 1.0), orders503(HELD, 1.0)));

        KnownBehaviourUpdated entry = catalog.readValuesToList().get(1);
        assertThat(entry.getChange()).isEqualTo(CatalogChange.REFINED);
        assertThat(entry.getDimensions()).extracting(ObservedDimension::getDimension)
                .containsExactly("reads-served", "orders-503");
    }

    @Test
    void shouldRefineWhenAnObservedValueChangesNotably() {
        send(verdict("exp-1", VerdictOutcome.NONE_HELD, T0, readsP99(NOT_HELD, 1200)));
        send(verdict("exp-2", VerdictOutcome.NONE_HELD, T0.plusSeconds(60), readsP99(NOT_HELD, 3000)));

        assertThat(catalog.readValuesToList().get(1).getChange()).isEqualTo(CatalogChange.REFINED);
    }

    @Test
    void shouldNotCountARedeliveredVerdictTwice() {
        VerdictIssued verdict = verdict("exp-1", VerdictOutcome.ALL_HELD, T0, readsServed(HELD, 1.0));
        send(verdict);
        send(verdict);
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, T0.plusSeconds(5), readsServed(HELD, 1.0)));

        List<KnownBehaviourUpdated> emitted = catalog.readValuesToList();
        assertThat(emitted).hasSize(1);
        assertThat(driver.reportedUpdates()).isEqualTo(emitted);
        KnownBehaviourUpdated stored = driver.<KnownBehaviourUpdated>keyValueStore(KnownBehaviourTopology.STORE)
                .orElseThrow().get(KEY);
        assertThat(stored.getExperimentIds()).containsExactly("exp-1");
        assertThat(dimension(stored, "reads-served").getConfirmations()).isEqualTo(1);
    }

    @Test
    void shouldCountAnAbortedVerdictAsTestedWithoutConfirmingOrContradicting() {
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, T0, readsServed(HELD, 1.0)));
        send(verdict("exp-2", VerdictOutcome.ABORTED, T0.plusSeconds(60), readsServed(NOT_HELD, 0.2)));

        KnownBehaviourUpdated entry = catalog.readValuesToList().get(1);
        assertThat(entry.getExperimentIds()).containsExactly("exp-1", "exp-2");
        assertThat(entry.getLastTestedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.getChange()).isNotIn(CatalogChange.CONFIRMED, CatalogChange.CONTRADICTED);
        ObservedDimension served = dimension(entry, "reads-served");
        assertThat(served.getConfirmations()).isEqualTo(1);
        assertThat(served.getContradictions()).isZero();
        assertThat(served.getLastOutcome()).isEqualTo(HELD);
        assertThat(served.getExperimentIds()).containsExactly("exp-1");
    }

    @Test
    void shouldAddAnEntryForAnAbortedFirstVerdictWithNoDimensions() {
        send(verdict("exp-1", VerdictOutcome.ABORTED, T0));

        KnownBehaviourUpdated entry = catalog.readValue();
        assertThat(entry.getChange()).isEqualTo(CatalogChange.ADDED);
        assertThat(entry.getDimensions()).isEmpty();
        assertThat(entry.getExperimentIds()).containsExactly("exp-1");
    }
}
