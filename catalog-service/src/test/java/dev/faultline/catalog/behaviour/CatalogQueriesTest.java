package dev.faultline.catalog.behaviour;

import static dev.faultline.catalog.streams.TestVerdicts.readsServed;
import static dev.faultline.catalog.streams.TestVerdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogQueriesTest {

    private CatalogDriver driver;
    private CatalogQueries queries;

    @BeforeEach
    void start() {
        driver = new CatalogDriver();
        queries = new CatalogQueries(driver, Map.of("storefront", List.of("NETWORK_BLACKHOLE", "NETWORK_LATENCY")),
                Duration.ofDays(30), Clock.fixed(CatalogDriver.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(VerdictIssued verdict) {
        driver.verdicts().pipeInput(verdict.getHeader().getExperimentId(), verdict);
    }

    @Test
    void shouldAnswerEmptyForAFailureModeNeverTested() {
        assertThat(queries.behaviour("storefront", FaultType.NETWORK_LATENCY)).isEmpty();
    }

    @Test
    void shouldReportUntestedExpectedModesAndStaleEntriesAsGaps() {
        send(verdict("exp-old", VerdictOutcome.ALL_HELD, CatalogDriver.NOW.minus(Duration.ofDays(31)),
                readsServed(PredictionOutcome.HELD, 1.0)));

        List<Gap> gaps = queries.gaps();

        assertThat(gaps).extracting(Gap::faultType, Gap::tested, Gap::stale).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NETWORK_LATENCY", false, false),
                org.assertj.core.groups.Tuple.tuple("NETWORK_BLACKHOLE", true, true));
        assertThat(queries.behaviour("storefront", FaultType.NETWORK_BLACKHOLE)).hasValueSatisfying(view -> {
            assertThat(view.stale()).isTrue();
            assertThat(view.dimensions()).extracting(BehaviourView.Dimension::dimension).containsExactly("reads-served");
        });
    }

    @Test
    void shouldReportNoGapForAFreshlyTestedMode() {
        send(verdict("exp-new", VerdictOutcome.ALL_HELD, CatalogDriver.NOW.minus(Duration.ofDays(1)),
                readsServed(PredictionOutcome.HELD, 1.0)));

        assertThat(queries.gaps()).extracting(Gap::faultType).containsExactly("NETWORK_LATENCY");
        assertThat(queries.all()).extracting(BehaviourView::behaviourKey, BehaviourView::stale)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storefront|NETWORK_BLACKHOLE", false));
    }
}
