package dev.faultline.catalog.behaviour;

import static dev.faultline.catalog.streams.TestVerdicts.readsServed;
import static dev.faultline.catalog.streams.TestVerdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.catalog.streams.TestDeclarations;
import dev.faultline.kit.testing.ManualClock;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staleness under TopologyTestDriver: by age and by a deployment since the last test, judged on a wall-clock beat. */
class StalenessTopologyTest {

    private final ManualClock clock = new ManualClock(CatalogDriver.NOW);
    private CatalogDriver driver;
    private TestOutputTopic<String, KnownBehaviourUpdated> catalog;

    @BeforeEach
    void start() {
        driver = new CatalogDriver(EventTracing.disabled(), clock);
        catalog = driver.catalog();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(VerdictIssued verdict) {
        driver.verdicts().pipeInput(verdict.getHeader().getExperimentId(), verdict);
    }

    private List<KnownBehaviourUpdated> afterACheck() {
        driver.advanceWallClock(CatalogDriver.STALE_CHECK_EVERY);
        return catalog.readValuesToList();
    }

    @Test
    void shouldMarkAnEntryStaleOnceItsLastTestIsOlderThanThePeriodAndSayWhy() {
        Instant tested = CatalogDriver.NOW.minus(Duration.ofDays(29));
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, tested, readsServed(PredictionOutcome.HELD, 1.0)));
        assertThat(catalog.readValue().getStale()).isFalse();
        assertThat(afterACheck()).as("29 days old: fresh").isEmpty();

        clock.advance(Duration.ofDays(2));

        assertThat(afterACheck()).singleElement().satisfies(entry -> {
            assertThat(entry.getChange()).isEqualTo(CatalogChange.STALE);
            assertThat(entry.getStale()).isTrue();
            assertThat(entry.getStaleReason()).isEqualTo("last tested " + tested + ", more than 30 days ago");
            assertThat(entry.getHeader().getExperimentId()).isEqualTo("exp-1");
        });
        clock.advance(Duration.ofDays(1));
        assertThat(afterACheck()).as("republished only when its staleness changes").isEmpty();
        assertThat(driver.<KnownBehaviourUpdated>keyValueStore(KnownBehaviourTopology.STORE).orElseThrow()
                .get("storefront|NETWORK_BLACKHOLE").getStale()).isTrue();
    }

    @Test
    void shouldMarkAnEntryStaleWhenItsServiceWasDeployedSinceTheLastTest() {
        Instant tested = CatalogDriver.NOW.minus(Duration.ofDays(1));
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, tested, readsServed(PredictionOutcome.HELD, 1.0)));
        catalog.readValuesToList();
        Instant deployed = CatalogDriver.NOW.minus(Duration.ofHours(2));
        driver.calendar().pipeInput("other", TestDeclarations.deployment("other", deployed, false, "pricing"));
        driver.calendar().pipeInput("cancelled", TestDeclarations.deployment("cancelled", deployed, true, "storefront"));
        driver.calendar().pipeInput("later", TestDeclarations.deployment("later",
                CatalogDriver.NOW.plus(Duration.ofHours(1)), false, "storefront"));
        assertThat(afterACheck()).as("another service's, a cancelled and a future deployment change nothing").isEmpty();

        driver.calendar().pipeInput("release-42", TestDeclarations.deployment("release-42", deployed, false, "storefront"));

        assertThat(afterACheck()).singleElement().satisfies(entry -> {
            assertThat(entry.getChange()).isEqualTo(CatalogChange.STALE);
            assertThat(entry.getStaleReason()).isEqualTo("storefront deployed at " + deployed
                    + " (PRODUCTION, 'release 42') after the last test (" + tested + ")");
        });

        driver.calendar().pipeInput("release-42", TestDeclarations.deployment("release-42", deployed, true, "storefront"));
        assertThat(afterACheck()).as("the deployment was cancelled: fresh again").singleElement()
                .satisfies(entry -> assertThat(entry.getStale()).isFalse());
    }

    @Test
    void shouldBeFreshAgainOnceTestedAfterTheDeployment() {
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, CatalogDriver.NOW.minus(Duration.ofDays(1)),
                readsServed(PredictionOutcome.HELD, 1.0)));
        driver.calendar().pipeInput("release-42", TestDeclarations.deployment("release-42",
                CatalogDriver.NOW.minus(Duration.ofHours(2)), false));
        assertThat(afterACheck()).last().satisfies(entry -> assertThat(entry.getStale()).isTrue());

        send(verdict("exp-2", VerdictOutcome.ALL_HELD, CatalogDriver.NOW, readsServed(PredictionOutcome.HELD, 1.0)));

        assertThat(catalog.readValuesToList()).singleElement().satisfies(entry -> {
            assertThat(entry.getStale()).isFalse();
            assertThat(entry.getStaleReason()).isNull();
            assertThat(entry.getChange()).isEqualTo(CatalogChange.CONFIRMED);
        });
    }
}
