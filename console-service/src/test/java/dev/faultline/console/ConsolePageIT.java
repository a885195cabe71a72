package dev.faultline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.events.TopicBootstrap;
import dev.faultline.kit.testing.Browser;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The console's experiment page in a real headless Chromium, its live feed read off the devstack's real Kafka, and the
 * services' answers from a scripted HTTP server: what the page does when the catalog's view of an experiment lags
 * the topics (the end-to-end suite's browser test runs the pages against the real services).
 */
@ExtendWith(DevStackExtension.class)
class ConsolePageIT {

    private static final String EXPERIMENT = "exp-console-page-" + UUID.randomUUID();

    private static ApplicationContext console;
    private static EventPublisher publisher;
    private static HttpServer services;
    private static String consoleUrl;
    private static String token;
    /** Whether the scripted catalog's view of the experiment has its verdict yet. */
    private static final AtomicBoolean catalogHasVerdict = new AtomicBoolean();
    private static final AtomicInteger experimentReads = new AtomicInteger();

    @BeforeAll
    static void start(DevStack stack) throws IOException {
        new TopicBootstrap(ServiceProperties.kafkaSettings(stack, "console-page-it")).ensureCreated();
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "console-page-it"));
        services = scriptedServices();
        String servicesUrl = "http://127.0.0.1:" + services.getAddress().getPort();
        console = TestConsole.start(stack, Map.of("catalog", servicesUrl, "hypothesis", servicesUrl,
                "analysis", servicesUrl, "safety", servicesUrl));
        consoleUrl = TestConsole.url(console);
        token = stack.issuer().token("dave");
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (services != null) {
            services.stop(0);
        }
    }

    /**
     * The verdict comes on the live feed before the catalog's view has it (its stream commits a moment later): the
     * page asks again until the view has it and then draws it, rather than showing a finished run with no verdict.
     */
    @Test
    void shouldDrawTheVerdictOnceTheCatalogHasItWhenTheLiveFeedWasFaster() {
        UUID injection = UUID.randomUUID();
        Instant started = Instant.now();
        try (Browser browser = Browser.start()) {
            browser.open(consoleUrl + "/#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            browser.waitFor(By.cssSelector("body[data-ready='experiments']"));
            browser.script("location.hash = arguments[0]", "#/experiments/" + EXPERIMENT);
            browser.waitFor(By.cssSelector("body[data-ready='experiments/" + EXPERIMENT + "']"));

            publisher.publish(EvaluationFixtures.started(EXPERIMENT, injection, 1, started, started.plusSeconds(30)));
            browser.waitFor(By.cssSelector("#live-state[data-state='STARTED']"));
            publisher.publish(EvaluationFixtures.stopped(EXPERIMENT, injection, StopReason.DEADLINE, started,
                    Instant.now(), 0L));
            browser.waitFor(By.cssSelector("#live-state[data-state='STOPPED']"));

            int readsBeforeTheVerdict = experimentReads.get();
            publisher.publish(verdict(injection));
            // the page has asked the catalog since the verdict came live, and the catalog did not have it yet
            await().atMost(Browser.WAIT).until(() -> experimentReads.get() > readsBeforeTheVerdict);
            assertThat(browser.findAll(By.id("outcome"))).as("no verdict drawn before the catalog has one").isEmpty();

            catalogHasVerdict.set(true);
            assertThat(browser.waitFor(By.id("outcome")).getText()).isEqualTo("ALL_HELD");
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("ALL_HELD");
            browser.screenshot("console-page-verdict-after-catalog-lag");
        }
    }

    private static VerdictIssued verdict(UUID injection) {
        return VerdictIssued.newBuilder().setHeader(EvaluationFixtures.header(EXPERIMENT, Instant.now())).setRevision(1)
                .setInjectionId(injection).setService("storefront").setFaultType(FaultType.NETWORK_LATENCY)
                .setEnvironment(Environment.STAGING).setOutcome(VerdictOutcome.ALL_HELD).setSampleCount(10)
                .setSummary("every prediction held").build();
    }

    /**
     * Stands in for the services behind the console: the catalog's view of {@link #EXPERIMENT} (a run with no verdict
     * until {@link #catalogHasVerdict}), its plan, verdict and evidence.
     */
    private static HttpServer scriptedServices() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String experimentPath = "/experiments/" + EXPERIMENT;
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(experimentPath)) {
                experimentReads.incrementAndGet();
                boolean judged = catalogHasVerdict.get();
                answer(exchange, 200, "{\"experimentId\":\"" + EXPERIMENT + "\",\"status\":\"" + (judged ? "ALL_HELD" : "STOPPED")
                        + "\",\"service\":\"storefront\",\"faultType\":\"NETWORK_LATENCY\",\"environment\":\"STAGING\","
                        + "\"revision\":1,\"timeline\":[]" + (judged ? ",\"verdict\":\"ALL_HELD\"" : "") + "}");
            } else if (path.equals(experimentPath + "/hypothesis")) {
                answer(exchange, 200, "{\"hypothesis\":{\"probes\":[{\"probeId\":\"reads\"}],\"predictions\":[]}}");
            } else if (path.equals(experimentPath + "/verdict")) {
                answer(exchange, 200, "{\"outcome\":\"ALL_HELD\",\"summary\":\"every prediction held\",\"results\":[]}");
            } else if (path.equals(experimentPath + "/evidence")) {
                long at = Instant.now().toEpochMilli();
                answer(exchange, 200, "{\"series\":[{\"probeId\":\"reads\",\"at\":[" + at + "],\"latencyMillis\":[40],"
                        + "\"ok\":[true]}],\"faultWindows\":[]}");
            } else if (path.equals("/experiments")) {
                answer(exchange, 200, "[]");
            } else {
                answer(exchange, 404, "{\"status\":404,\"error\":\"not scripted: " + path + "\"}");
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
