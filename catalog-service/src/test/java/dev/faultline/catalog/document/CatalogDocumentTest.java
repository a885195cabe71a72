package dev.faultline.catalog.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.behaviour.BehaviourView;
import dev.faultline.catalog.behaviour.Gap;
import dev.faultline.catalog.experiment.ExperimentResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogDocumentTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Instant TESTED = Instant.parse("2026-10-26T12:00:00Z");

    private static ExperimentResponse judged(String id, String verdict) {
        return new ExperimentResponse(id, "COMPLETED", "storefront", "NETWORK_BLACKHOLE", "STAGING", 1, verdict,
                "COMPLETED", new ExperimentResponse.Evidence(3, 120), List.of(), TESTED);
    }

    @Test
    void shouldSayHowEachServiceBehavesWithTheEvidenceStalenessAndGaps() {
        BehaviourView entry = new BehaviourView("storefront|NETWORK_BLACKHOLE", "storefront", "NETWORK_BLACKHOLE",
                "STALE", List.of(new BehaviourView.Dimension("reads-p99", "P99_LATENCY", "MILLISECONDS", 1210.0,
                "NOT_HELD", "LESS_THAN", 800.0, 0, 1, List.of("exp-1"))), List.of("exp-1"), TESTED, true,
                "last tested " + TESTED + ", more than 30 days ago");
        Gap gap = new Gap("storefront", "NETWORK_LATENCY", false, false, null, "never", List.of("STAGING"),
                List.of("pricing"));
        Map<String, ExperimentResponse> experiments = Map.of("exp-1", judged("exp-1", "PARTIALLY_HELD"));

        String md = new CatalogDocument(id -> Optional.ofNullable(experiments.get(id)), NOW).render(List.of(entry),
                List.of(gap));

        assertThat(md).startsWith("# How the system behaves under failure\n")
                .contains("1 entry (1 stale), 1 failure mode never tested")
                .contains("## storefront\n")
                .contains("### Under NETWORK_BLACKHOLE\n")
                .contains("Tested by 1 experiment, last " + TESTED + " (40 days ago); latest change STALE.")
                .contains("**Stale:** last tested " + TESTED + ", more than 30 days ago.")
                .contains("- **reads-p99** (P99_LATENCY): observed 1210 ms against the prediction < 800 ms — did not hold"
                        + " last time; held 0×, not held 1×. Evidence: `exp-1` (PARTIALLY_HELD in STAGING, " + TESTED + ")")
                .contains("### Never tested\n\n- NETWORK_LATENCY — propose it: `faultline catalog propose-gap storefront"
                        + " NETWORK_LATENCY`");
    }

    @Test
    void shouldCiteTheLatestExperimentsAndCountTheRest() {
        BehaviourView entry = new BehaviourView("s|NETWORK_LATENCY", "s", "NETWORK_LATENCY", "CONFIRMED",
                List.of(new BehaviourView.Dimension("reads-served", "SUCCESS_RATE", "RATIO", 1.0, "HELD",
                        "GREATER_OR_EQUAL", 0.99, 5, 0, List.of("e1", "e2", "e3", "e4", "e5"))),
                List.of("e1", "e2", "e3", "e4", "e5"), NOW, false, null);

        String md = new CatalogDocument(id -> Optional.empty(), NOW).render(List.of(entry), List.of());

        assertThat(md).contains("observed 1.000 against the prediction ≥ 0.9900 — held last time; held 5×, not held 0×."
                + " Evidence: `e5`; `e4`; `e3`; and 2 earlier").doesNotContain("Stale");
    }
}
