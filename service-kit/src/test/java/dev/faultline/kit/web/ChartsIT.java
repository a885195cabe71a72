package dev.faultline.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.kit.testing.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * charts.js in a real headless Chromium, as the live console uses it: an evidence chart started while the fault is on
 * (its window open to the latest sample), samples appended live, the window then closed; and an interval chart with
 * an interval unbounded on one side. Screenshot: {@code target/screenshots/charts-live.png}.
 */
class ChartsIT {

    private static final long T0 = 1_790_000_000_000L;

    @Test
    void shouldDrawALiveEvidenceChartAndAnIntervalChart() {
        try (Browser browser = Browser.start()) {
            browser.openHtml("charts-live", page());
            WebElement timeline = browser.waitFor(By.cssSelector("#live .fl-evidence-chart"));
            browser.waitFor(By.cssSelector("#live .uplot canvas"));
            assertThat(browser.dataset(timeline)).containsEntry("points", "4");
            WebElement shade = browser.waitFor(By.cssSelector("#live .fl-fault-window"));
            assertThat(shade.getAttribute("class")).contains("fl-open");
            WebElement plotArea = browser.waitFor(By.cssSelector("#live .u-over"));
            assertThat(shade.getRect().getX() + shade.getRect().getWidth())
                    .as("an open window reaches the latest sample")
                    .isCloseTo(plotArea.getRect().getX() + plotArea.getRect().getWidth(), within(1));

            browser.script("""
                    window.live.append([{probeId: 'reads', at: %d, latencyMillis: 40, ok: true},
                                        {probeId: 'writes', at: %d, latencyMillis: 3000, ok: false}]);
                    window.live.setWindow({start: %d, end: %d});""".formatted(T0 + 6000, T0 + 7000, T0 + 2000, T0 + 5000));
            browser.waitUntil(d -> "6".equals(browser.dataset(timeline).get("points")));
            assertThat(shade.getAttribute("class")).doesNotContain("fl-open");
            double shaded = (double) shade.getRect().getWidth() / plotArea.getRect().getWidth();
            assertThat(shaded).as("3 s of 7").isBetween(0.38, 0.48);
            assertThat(browser.findAll(By.cssSelector("#live .fl-threshold-label"))).extracting(WebElement::getText)
                    .containsExactly("p99 < 800 ms");

            List<WebElement> marks = browser.findAll(By.cssSelector("#intervals .fl-interval"));
            assertThat(marks).extracting(m -> m.getAttribute("class"))
                    .containsExactly("fl-interval fl-outcome-INCONCLUSIVE", "fl-interval fl-outcome-HELD");
            assertThat(browser.findAll(By.cssSelector("#intervals .fl-unbounded-high"))).hasSize(1);
            assertThat(browser.findAll(By.cssSelector("#intervals .fl-interval-threshold-label")))
                    .extracting(WebElement::getText).containsExactly("< 1500 ms", "≤ 5%");
            browser.screenshot("charts-live");
        }
    }

    /** The assets inlined as the HTML report does, and two charts made with the API the console calls. */
    private static String page() {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><style>%s</style></head><body>
                <div id="live" style="width: 900px"></div><div id="intervals" style="width: 900px"></div>
                <script>%s</script>
                <script>
                window.live = FaultlineCharts.evidenceChart(document.getElementById('live'), {
                  probes: ['reads', 'writes'],
                  points: [{probeId: 'reads', at: %d, latencyMillis: 12, ok: true},
                           {probeId: 'writes', at: %d, latencyMillis: 20, ok: true},
                           {probeId: 'reads', at: %d, latencyMillis: 900, ok: true},
                           {probeId: 'writes', at: %d, latencyMillis: 3000, ok: false}],
                  window: {start: %d, end: null},
                  thresholds: [{label: 'p99 < 800 ms', value: 800}]
                });
                FaultlineCharts.intervalChart(document.getElementById('intervals'), [
                  {id: 'p99', estimate: 1203, lower: 900, upper: null, level: 0.95, threshold: 1500,
                   comparator: 'LESS_THAN', unit: 'MILLISECONDS', outcome: 'INCONCLUSIVE'},
                  {id: 'errors', estimate: 0.01, lower: 0.002, upper: 0.03, level: 0.95, threshold: 0.05,
                   comparator: 'LESS_OR_EQUAL', unit: 'RATIO', outcome: 'HELD'}]);
                </script></body></html>
                """.formatted(Html.inlineCode(WebAssets.styles()), Html.inlineCode(WebAssets.scripts()),
                T0, T0 + 500, T0 + 3000, T0 + 3500, T0 + 2000);
    }
}
