package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.VerdictTap;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.Browser;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.StopReason;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The HTML report in a real headless Chromium: the example experiment driven to its verdict through the devstack's
 * topics, the page fetched with a bearer token (as any GET) and opened from a file — it fetches nothing — and its
 * charts checked for their data: one line per probe and the failed samples, the fault window shaded inside the
 * samples' span, the p99 threshold drawn, one interval mark per prediction coloured by its outcome. A hypothesis
 * title holding markup shows as text. The screenshot is kept in {@code target/screenshots/analysis-report.png}.
 */
@ExtendWith(DevStackExtension.class)
class ReportBrowserIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXP = "exp-html-" + RUN;
    private static final UUID INJ = UUID.randomUUID();
    private static final String TITLE = "Storefront <img src=x onerror=\"window.owned=1\"> survives pricing";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static VerdictTap tap;

    @BeforeAll
    static void start(DevStack stack) {
        context = AnalysisServiceIT.startService(stack, "analysis-html-" + RUN, "analysis_html_" + RUN);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"));
        tap = new VerdictTap(stack);
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    @Test
    void shouldRenderTheReportsChartsWithTheVerdictsData() throws Exception {
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        hypothesis.setTitle(TITLE);
        publisher.publish(Fixtures.drafted(EXP, 1, hypothesis));
        publisher.publish(PlanApproved.newBuilder().setHeader(Fixtures.header(EXP, T0.minusSeconds(30))).setRevision(1)
                .setReviewers(List.of()).build());
        publisher.publish(Fixtures.started(EXP, INJ, 1, T0, Instant.now().plusSeconds(600)));
        evidence.forEach(publisher::publish);
        publisher.publish(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()));
        await().atMost(Duration.ofSeconds(60)).until(() -> tap.verdicts(EXP).size() == 1);

        String html = get("/report", "text/html,application/xhtml+xml,*/*;q=0.8", "text/html");
        assertThat(get("/report.html", null, "text/html")).isEqualTo(html);
        assertThat(get("/report", null, "text/markdown")).startsWith("# ");
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x")
                .as("no fetches: scripts and styles are inlined").doesNotContain("<script src", "<link");

        try (Browser browser = Browser.start()) {
            browser.openHtml("analysis-report", html);
            browser.waitFor(By.cssSelector(".fl-evidence-chart .uplot canvas"));
            browser.waitFor(By.cssSelector(".fl-interval-chart"));

            assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("<img src=x", "PARTIALLY_HELD");
            assertThat(browser.script("return window.owned === undefined")).as("the title's markup never ran").isEqualTo(true);
            assertThat(browser.findAll(By.cssSelector("#predictions tr[data-prediction]"))).hasSize(4);
            assertThat(browser.findAll(By.cssSelector("#control tr"))).hasSizeGreaterThan(1);

            WebElement timeline = browser.waitFor(By.cssSelector(".fl-evidence-chart"));
            assertThat(browser.dataset(timeline)).containsEntry("points", "266");
            assertThat(browser.findAll(By.cssSelector(".fl-evidence-chart .u-legend .u-series")))
                    .extracting(WebElement::getText).as("x, one line per probe, the failed samples")
                    .hasSize(4).anySatisfy(t -> assertThat(t).contains("order-writes"))
                    .anySatisfy(t -> assertThat(t).contains("product-reads"))
                    .anySatisfy(t -> assertThat(t).contains("failed"));
            WebElement shade = browser.waitFor(By.cssSelector(".fl-fault-window"));
            WebElement plotArea = browser.waitFor(By.cssSelector(".fl-evidence-chart .u-over"));
            double shaded = (double) shade.getRect().getWidth() / plotArea.getRect().getWidth();
            assertThat(shaded).as("30 s of fault in 38 s of samples").isBetween(0.7, 0.85);
            assertThat(shade.getRect().getX()).isGreaterThan(plotArea.getRect().getX());
            assertThat(browser.findAll(By.cssSelector(".fl-threshold-label"))).extracting(WebElement::getText)
                    .containsExactly("reads-p99 < 800 ms");

            List<WebElement> marks = browser.findAll(By.cssSelector(".fl-interval"));
            assertThat(marks).extracting(m -> m.getAttribute("data-prediction"))
                    .containsExactly("reads-served", "reads-p99", "orders-503", "orders-retry-after");
            assertThat(marks).extracting(m -> m.getAttribute("class")).containsExactly(
                    "fl-interval fl-outcome-HELD", "fl-interval fl-outcome-NOT_HELD", "fl-interval fl-outcome-HELD",
                    "fl-interval fl-outcome-HELD");
            assertThat(browser.findAll(By.cssSelector(".fl-interval .fl-estimate"))).hasSize(4);
            assertThat(browser.findAll(By.cssSelector(".fl-interval-threshold-label")))
                    .extracting(WebElement::getText).contains("< 800 ms", "≥ 90%");

            assertThat(browser.screenshot("analysis-report")).isNotEmptyFile();
        }
    }

    /** The body of {@code GET /experiments/EXP<path>} with a bearer token, and its content type checked. */
    private static String get(String path, String accept, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + context.getBean(EmbeddedServer.class).getPort() + "/experiments/" + EXP + path))
                .header("authorization", "Bearer " + DevStack.shared().issuer().token("erin"));
        if (accept != null) {
            request.header("accept", accept);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith(contentType);
        return response.body();
    }
}
