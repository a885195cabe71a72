package dev.faultline.catalog.behaviour;

import static dev.faultline.catalog.streams.TestVerdicts.readsP99;
import static dev.faultline.catalog.streams.TestVerdicts.readsServed;
import static dev.faultline.catalog.streams.TestVerdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.catalog.streams.TestDeclarations;
import dev.faultline.declarations.failuremode.BuiltInFailureModes;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's queries under TopologyTestDriver: entries (and their JSON, written once per version), and gaps from
 * targets x failure modes.
 */
class CatalogQueriesTest {

    private static final List<String> STOREFRONT_UNTESTED = List.of("HTTP_DELAY", "HTTP_ERROR_STATUS", "MALFORMED_BODY",
            "NETWORK_LATENCY", "NETWORK_RESET", "PROCESS_PAUSE", "PROCESS_KILL");

    private CatalogDriver driver;
    private CatalogQueries queries;

    @BeforeEach
    void start() {
        driver = new CatalogDriver();
        queries = new CatalogQueries(driver, BuiltInFailureModes.all(Clock.systemUTC()));
        for (TargetDeclared target : TestDeclarations.targets(TestDeclarations.TARGETS)) {
            driver.targets().pipeInput(TestDeclarations.key(target), target);
        }
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
    void shouldWriteAnEntrysJsonOnceAndAgainWhenANewVerdictChangesIt() throws Exception {
        JsonMapper mapper = JsonMapper.createDefault();
        BehaviourJson json = new BehaviourJson(mapper);
        send(verdict("exp-1", VerdictOutcome.ALL_HELD, CatalogDriver.NOW.minus(Duration.ofDays(2)),
                readsServed(PredictionOutcome.HELD, 1.0)));
        byte[] first = json.of(queries.entry("storefront", FaultType.NETWORK_BLACKHOLE).orElseThrow());

        assertThat(json.of(queries.entry("storefront", FaultType.NETWORK_BLACKHOLE).orElseThrow()))
                .as("the same entry: the JSON written before").isSameAs(first);
        assertThat(first).isEqualTo(mapper.writeValueAsBytes(queries.behaviour("storefront", FaultType.NETWORK_BLACKHOLE)
                .orElseThrow()));

        send(verdict("exp-2", VerdictOutcome.NONE_HELD, CatalogDriver.NOW.minus(Duration.ofDays(1)),
                readsServed(PredictionOutcome.NOT_HELD, 0.4)));
        byte[] second = json.of(queries.entry("storefront", FaultType.NETWORK_BLACKHOLE).orElseThrow());

        assertThat(new String(second, StandardCharsets.UTF_8)).contains("\"change\":\"CONTRADICTED\"", "exp-2");
        assertThat(second).isEqualTo(mapper.writeValueAsBytes(queries.behaviour("storefront", FaultType.NETWORK_BLACKHOLE)
                .orElseThrow()));
    }

    @Test
    void shouldListEveryTemplateOfADeclaredServiceNeverTestedAsAGap() {
        send(verdict("exp-new", VerdictOutcome.ALL_HELD, CatalogDriver.NOW.minus(Duration.ofDays(1)),
                readsServed(PredictionOutcome.HELD, 1.0)));

        List<Gap> gaps = queries.gaps();

        assertThat(gaps).extracting(Gap::faultType).as("tested NETWORK_BLACKHOLE; no host declared, so no host fault")
                .containsExactlyInAnyOrderElementsOf(STOREFRONT_UNTESTED);
        assertThat(gaps).first().satisfies(gap -> {
            assertThat(gap.service()).isEqualTo("storefront");
            assertThat(gap.tested()).isFalse();
            assertThat(gap.reason()).startsWith("storefront (http-storefront) has never been tested under ");
            assertThat(gap.environments()).containsExactly("PRODUCTION", "STAGING");
            assertThat(gap.dependencies()).containsExactly("pricing");
        });
    }

    @Test
    void shouldAddTheFailureModesTeamsDeclareAndDropThoseWithdrawn() {
        driver.failureModes().pipeInput("cpu", TestDeclarations.added("cpu", "http-storefront", FaultType.NETWORK_JITTER));
        assertThat(queries.gaps()).extracting(Gap::faultType).contains("NETWORK_JITTER");

        var withdrawn = TestDeclarations.added("cpu", "http-storefront", FaultType.NETWORK_JITTER);
        withdrawn.setRemoved(true);
        driver.failureModes().pipeInput("cpu", withdrawn);
        assertThat(queries.gaps()).extracting(Gap::faultType).doesNotContain("NETWORK_JITTER");
    }

    @Test
    void shouldListNoGapForAServiceNoLongerDeclared() {
        for (TargetDeclared target : TestDeclarations.targets(TestDeclarations.TARGETS)) {
            target.setRemoved(true);
            driver.targets().pipeInput(TestDeclarations.key(target), target);
        }

        assertThat(queries.gaps()).isEmpty();
    }

    @Test
    void shouldListStaleEntriesAfterTheUntestedOnesAndShowThresholds() {
        send(verdict("exp-old", VerdictOutcome.PARTIALLY_HELD, CatalogDriver.NOW.minus(Duration.ofDays(31)),
                readsServed(PredictionOutcome.HELD, 1.0), readsP99(PredictionOutcome.NOT_HELD, 1210)));

        List<Gap> gaps = queries.gaps();

        assertThat(gaps).last().satisfies(gap -> {
            assertThat(gap.faultType()).isEqualTo("NETWORK_BLACKHOLE");
            assertThat(gap.stale()).isTrue();
            assertThat(gap.reason()).endsWith("more than 30 days ago");
            assertThat(gap.dependencies()).containsExactly("pricing");
        });
        assertThat(queries.behaviour("storefront", FaultType.NETWORK_BLACKHOLE)).hasValueSatisfying(view -> {
            assertThat(view.stale()).isTrue();
            assertThat(view.dimensions()).extracting(BehaviourView.Dimension::dimension, BehaviourView.Dimension::comparator,
                            BehaviourView.Dimension::threshold)
                    .containsExactly(Tuple.tuple("reads-served", "GREATER_OR_EQUAL", 0.99),
                            Tuple.tuple("reads-p99", "LESS_THAN", 800.0));
        });
    }
}
