package dev.faultline.hypothesis.failuremode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Target.Endpoint;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The templates draft plans that can be judged: their required samples scale with the run, so that every duration
 * from 3 s (a window after the 2 s skip) to the maximum lints clean — the issue's 15-second latency experiment on the
 * demo first.
 */
class TemplateSamplesTest {

    private static final Target STOREFRONT = new Target("storefront", "http-storefront", "http://127.0.0.1:18080",
            List.of("pricing"), Map.of(Target.READ, Endpoint.get("/health"), "order-writes", new Endpoint("POST",
            "/orders", "{\"productId\":\"sku-1\",\"quantity\":1}", Map.of("content-type", "application/json"))),
            "http://127.0.0.1:18080/metrics", null, "/var/log/faultline/storefront.log");
    private static final Target PRICING = new Target("pricing", "http-api", "http://127.0.0.1:18090", List.of("db-proxy"),
            "/prices/sku-1", "http://127.0.0.1:18090/metrics", "/var/log/faultline/pricing.log");
    private static final Target SHIPPING = new Target("shipping", "http-quotes", "http://127.0.0.1:18081",
            List.of("carrier"), Map.of("quotes", Endpoint.get("/quotes/eu")), "http://127.0.0.1:18081/metrics", null,
            "/var/log/faultline/shipping.log");
    private static final Target FULFILMENT = new Target("fulfilment", "kafka-orders-consumer", "http://127.0.0.1:18082",
            List.of("orders"), "/health", "http://127.0.0.1:18082/metrics", "/var/log/faultline/fulfilment.log");
    private static final Function<String, Optional<Target>> OTHERS = name -> switch (name) {
        case "pricing" -> Optional.of(PRICING);
        case "storefront" -> Optional.of(STOREFRONT);
        default -> Optional.empty();
    };

    @Test
    void shouldDraftTheIssuesFifteenSecondLatencyExperimentAsAPlanThatCanBeJudged() {
        Hypothesis h = FailureModeCatalog.builtIn().find(FaultType.NETWORK_LATENCY, "http-storefront").orElseThrow()
                .draft(new DraftContext(STOREFRONT, "pricing", OTHERS, Environment.STAGING, 15_000, 1.0, Map.of()));

        assertThat(Fixtures.linter().lint(h)).isEmpty();
        Prediction p99 = h.getPredictions().stream().filter(p -> p.getPredictionId().equals("reads-p99")).findFirst()
                .orElseThrow();
        assertThat(p99.getWindow().getMinSamples()).as("4 a second of the 13 s after the skip").isEqualTo(52);

        p99.getWindow().setMinSamples(100); // what the template asked for before it scaled with the run
        assertThat(Fixtures.linter().lint(h)).extracting(Finding::rule, Finding::message).containsExactly(
                tuple(LintRule.INSUFFICIENT_SAMPLES, "reads-p99 asks for 100 samples of"
                        + " product-reads in the DURING window; product-reads samples every 200 ms (one request per"
                        + " interval, sent without waiting for the previous answer) and the window is 15 s (the fault's"
                        + " duration) − 2 s skip = 13 s, so at most 65 samples: lower minSamples to ≤ 65, sample more"
                        + " often or lengthen the run"));
    }

    @Test
    void shouldDraftEveryTemplateIntoAPlanThatLintsCleanFromThreeSecondsToTheMaximum() throws IOException, Invalid {
        List<FailureModeTemplate> templates = new ArrayList<>(FailureModeCatalog.builtIn().describe().stream()
                .map(info -> FailureModeCatalog.builtIn().find(FaultType.valueOf(info.faultType()), info.serviceType())
                        .orElseThrow()).toList());
        for (String file : List.of("shipping.yaml", "fulfilment.yaml")) {
            Path path = Path.of("..", "deploy", "failure-modes", file);
            FailureModesFile.read(Files.readString(path), path.toString(), "test", null, Clock.systemUTC())
                    .forEach(d -> templates.add(new FailureModeTemplate(d, TemplateOrigin.builtIn(file))));
        }
        Map<String, Target> byType = Map.of("http-storefront", STOREFRONT, "http-api", PRICING, "http-quotes", SHIPPING,
                "kafka-orders-consumer", FULFILMENT);
        assertThat(templates).hasSizeGreaterThan(20);
        for (FailureModeTemplate template : templates) {
            Target target = byType.get(template.serviceType());
            String dependency = template.needsDependency() ? target.dependencies().get(0) : null;
            for (long seconds : new long[] {3, 4, 5, 7, 10, 12, 13, 15, 20, 25, 30, 60, 600}) {
                Hypothesis h = template.draft(new DraftContext(target, dependency, OTHERS, Environment.STAGING,
                        seconds * 1000, 0.5, Map.of("directory", "/var/tmp/faultline")));
                assertThat(Fixtures.linter().lint(h)).as(template.id() + " for " + seconds + " s").isEmpty();
            }
        }
    }
}
