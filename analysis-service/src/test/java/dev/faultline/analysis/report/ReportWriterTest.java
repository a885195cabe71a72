package dev.faultline.analysis.report;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Verdict;
import dev.faultline.analysis.evidence.EvidenceSummary;
import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.EvidenceReference;
import dev.faultline.schemas.avro.EvidenceReferenceKind;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Markdown report of the example experiment: hypothesis, evidence per phase, comparison, stop, follow-ups. */
class ReportWriterTest {

    static final String EXP = "exp-report";
    static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

    @Test
    void shouldReportTheHypothesisTheEvidenceTheComparisonTheStopAndTheFollowUps() throws Exception {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        InjectionStarted started = Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30));
        InjectionStopped stopped = Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), 38L);
        Verdict verdict = Evaluator.evaluate(hypothesis, 2, evidence, started, stopped);

        String report = ReportWriter.write(EXP, hypothesis, verdict, evidence, stopped);
        Files.writeString(Path.of("target", "example-report.md"), report);

        assertThat(report).startsWith("# Storefront survives an unreachable pricing service — PARTIALLY_HELD\n")
                .contains("- **Scenario**: NETWORK_BLACKHOLE of storefront→pricing, direction UPSTREAM")
                .contains("- **Blast radius**: environment STAGING, targets [storefront→pricing]")
                .contains("`reads-failing`: error rate of product-reads > 0.5 over 3000 ms, sustained 1000 ms")
                .contains("| product-reads | BEFORE | 25 | 14 ms | 16 ms | 0 |")
                .contains("| product-reads | DURING | 150 | 15 ms | 1203 ms | 0 |")
                .contains("| order-writes | DURING | 60 | 3 ms | 3 ms | 1 |")
                .contains("| `reads-p99` | p99 of product-reads | < 800 ms | 1203 ms | 95 % CI ≥ 1203 ms | 139 / 100 | **NOT_HELD** |")
                .contains("| `orders-503` | share of status 503 of order-writes | ≥ 0.9 | 1 | 95 % CI 0.936–1 | 56 / 35 | **HELD** |")
                .contains("### Against the control (the same probe BEFORE and AFTER the fault)")
                .contains("| `reads-p99` | p99 of product-reads | 1203 ms | 16 ms | 40 | +1 ms (difference of medians) |"
                        + " Mann-Whitney U | < 0.001 |")
                .contains("| `orders-503` | share of status 503 of order-writes | 1 | 0 | 16 | +1 (difference of proportions) |"
                        + " two-proportion z | < 0.001 |")
                .contains("Stop reason: **COMPLETED** — stopped: COMPLETED. Fault applied at 2026-11-26T12:00:00Z")
                .contains("rollback verified: yes")
                .contains("1. **FIX_SYSTEM** — reads-p99");
    }

    @Test
    void shouldSayTheLeaseRemovesTheFaultOfALostInjector() {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        InjectionStarted started = Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30));
        Verdict verdict = Evaluator.lost(hypothesis, 2, List.of(), started);

        assertThat(ReportWriter.write(EXP, hypothesis, verdict, List.of(), null))
                .contains("Stop reason: **LOST** — the injector never reported a stop; the data plane's lease removes")
                .contains("0 batches, samples per phase: none.")
                .contains("| `reads-p99` | p99 of product-reads | < 800 ms | — | — | 0 / 100 (~100 needed) | **INCONCLUSIVE** |")
                .doesNotContain("Against the control");
    }

    @Test
    void shouldListEachEvidenceSourceAndPromQlQueryOnceAndAFewProbeTraces() {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        for (int i = 0; i < evidence.size(); i++) {
            evidence.get(i).setReferences(List.of(
                    reference(EvidenceReferenceKind.METRIC, "http://storefront/metrics",
                            "price-fallbacks: rate of stale_total; in this batch: 2 scrapes from a to b"),
                    reference(EvidenceReferenceKind.LOG, "/logs/storefront.log",
                            "storefront-errors: lines at ERROR; in this batch: written from a to b"),
                    reference(EvidenceReferenceKind.METRIC, "http://prometheus:9090/api/v1/query?query=sum%28up%29",
                            "targets-up: PromQL sum(up) (instant query; series summed) at http://prometheus:9090;"
                                    + " in this batch: 1 queries at times from a to b"),
                    reference(EvidenceReferenceKind.METRIC, "http://prometheus:9090/api/v1/query?query=max%28up%29",
                            "any-up: PromQL max(up) (instant query; series summed) at http://prometheus:9090;"
                                    + " in this batch: 1 queries at times from a to b"),
                    reference(EvidenceReferenceKind.TRACE, "trace:" + String.format("%032x", i), "product-reads")));
        }
        InjectionStarted started = Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30));
        InjectionStopped stopped = Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), 38L);
        Verdict verdict = Evaluator.evaluate(hypothesis, 2, evidence, started, stopped);

        String report = ReportWriter.write(EXP, hypothesis, verdict, evidence, stopped);

        int batches = EvidenceSummary.unique(evidence).size();
        assertThat(report).contains("- METRIC `http://storefront/metrics`: price-fallbacks: rate of stale_total ("
                        + batches + " batches)")
                .contains("- LOG `/logs/storefront.log`: storefront-errors: lines at ERROR (" + batches + " batches)")
                .as("each PromQL query asked of one Prometheus server")
                .contains("- METRIC `http://prometheus:9090/api/v1/query?query=sum%28up%29`: targets-up: PromQL sum(up)"
                        + " (instant query; series summed) at http://prometheus:9090 (" + batches + " batches)")
                .contains("- METRIC `http://prometheus:9090/api/v1/query?query=max%28up%29`: any-up: PromQL max(up)")
                .contains("- TRACE (probe requests, in the experiment's trace): `trace:" + String.format("%032x", 0) + "`")
                .doesNotContain("in this batch");
        assertThat(report.split("trace:", -1)).as("at most five traces").hasSizeLessThanOrEqualTo(6);
    }

    private static EvidenceReference reference(EvidenceReferenceKind kind, String uri, String description) {
        return EvidenceReference.newBuilder().setKind(kind).setUri(uri).setDescription(description).build();
    }
}
