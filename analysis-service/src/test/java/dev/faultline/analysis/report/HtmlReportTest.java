package dev.faultline.analysis.report;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.analysis.evidence.EvidenceTimeline;
import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Verdict;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HTML report's sections and its escaping; the charts themselves are checked in a browser (ReportBrowserIT). */
class HtmlReportTest {

    private static final String EXP = "exp-html";
    private static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000d5");

    @Test
    void shouldWriteTheVerdictsSectionsWithEveryEventTextEscaped() {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        InjectionStopped stopped = Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), 38L);
        Verdict verdict = Evaluator.evaluate(hypothesis, 1, evidence, Fixtures.started(EXP, INJ, 1, T0,
                T0.plusSeconds(60)), stopped);

        String html = HtmlReport.write(EXP, "Title <b>bold</b> & co", verdict,
                "{\"summary\":\"</script><script>alert(1)</script>\"}", "{\"series\":[]}");

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<h1>Title &lt;b&gt;bold&lt;/b&gt; &amp; co — <span class=\"outcome outcome-PARTIALLY_HELD\">")
                .contains("<tr data-prediction=\"reads-p99\"><td><code>reads-p99</code></td><td>P99_LATENCY</td>"
                        + "<td>&lt; 800 ms</td><td class=\"num\">1203 ms</td><td>95 % CI ≥ 1203 ms</td>"
                        + "<td class=\"num\">95%</td><td class=\"num\">139 / 100</td><td class=\"num\">—</td>"
                        + "<td><span class=\"outcome outcome-NOT_HELD\">NOT_HELD</span></td></tr>")
                .contains("<h2>Against the control</h2>", "Mann-Whitney U", "<td class=\"num\">&lt; 0.001</td>")
                .contains("<li><strong>FIX_SYSTEM</strong> (<code>reads-p99</code>): ")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .doesNotContain("<b>bold", "</script><script>alert")
                .contains("FaultlineCharts.verdictReport(");
    }

    @Test
    void shouldGiveEachProbesSamplesInTimeOrderAndTheFaultWindowFromTheStop() {
        List<EvidenceTimeline.Series> series = EvidenceTimeline.series(Fixtures.exampleEvidence(EXP, INJ));

        assertThat(series).extracting(EvidenceTimeline.Series::probeId).containsExactly("order-writes", "product-reads");
        EvidenceTimeline.Series reads = series.get(1);
        assertThat(reads.at()).hasSize(190).isSorted().startsWith(T0.minusSeconds(5).toEpochMilli());
        assertThat(reads.latencyMillis().get(25)).as("the first DURING sample").isEqualTo(1203.0);
        assertThat(series.get(0).ok()).contains(true, false);
        assertThat(EvidenceTimeline.FaultWindow.of(null, Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0,
                T0.plusSeconds(30), 38L))).isEqualTo(new EvidenceTimeline.FaultWindow(INJ.toString(),
                T0.toEpochMilli(), T0.plusSeconds(30).toEpochMilli()));
        assertThat(EvidenceTimeline.FaultWindow.of(Fixtures.started(EXP, INJ, 1, T0, T0.plusSeconds(60)), null)
                .stoppedAt()).as("still on").isNull();
    }
}
