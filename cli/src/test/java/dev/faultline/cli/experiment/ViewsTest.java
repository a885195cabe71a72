package dev.faultline.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.Json;
import org.junit.jupiter.api.Test;

class ViewsTest {

    @Test
    void shouldRenderAStatusWithItsTimeline() {
        JsonNode status = Json.readLenient("""
                {"experimentId":"exp-1","status":"COMPLETED","service":"storefront","faultType":"NETWORK_BLACKHOLE",
                 "environment":"STAGING","revision":1,"verdict":"PARTIALLY_HELD","timeline":[
                  {"at":"2026-01-01T10:00:00.123Z","type":"ExperimentProposed","summary":"by demo-user"},
                  {"at":1767261605000,"type":"VerdictIssued","summary":"PARTIALLY_HELD"}]}""");

        String text = StatusView.render(status);

        assertThat(text).startsWith("exp-1  COMPLETED\n")
                .contains("storefront / NETWORK_BLACKHOLE", "verdict:     PARTIALLY_HELD",
                        "  10:00:00.123  ExperimentProposed   by demo-user",
                        "  10:00:05.000  VerdictIssued        PARTIALLY_HELD");
    }

    @Test
    void shouldSayWhenThereIsNoTimelineYet() {
        assertThat(StatusView.render(Json.readLenient("{\"experimentId\":\"exp-2\",\"status\":\"PROPOSED\"}")))
                .contains("(no events yet)");
    }

    @Test
    void shouldRenderTheDraftedHypothesis() {
        JsonNode answer = Json.readLenient("""
                {"experimentId":"exp-1","revision":1,"status":"DRAFTED","hypothesis":{
                 "title":"storefront survives pricing unreachable",
                 "scenario":{"faultType":"NETWORK_BLACKHOLE","target":{"service":"storefront","dependency":"pricing"},
                             "toxicity":1.0,"durationMillis":30000},
                 "predictions":[
                   {"predictionId":"reads-p99","probeId":"product-reads","statistic":"P99_LATENCY",
                    "comparator":"LESS_THAN","threshold":800,"unit":"MILLISECONDS","window":{"minSamples":100}},
                   {"predictionId":"orders-503","probeId":"order-writes","statistic":"STATUS_SHARE","status":503,
                    "comparator":"GREATER_OR_EQUAL","threshold":0.99,"unit":"RATIO","window":{"minSamples":20}}],
                 "guardrails":[{"guardrailId":"reads-failing","probeId":"product-reads","statistic":"ERROR_RATE",
                    "comparator":"GREATER_THAN","threshold":0.5,"unit":"RATIO","evaluationWindowMillis":3000,
                    "sustainMillis":1000}],
                 "blastRadius":{"environment":"STAGING","targets":["storefront->pricing"],"trafficShare":1.0},
                 "riskLevel":"MEDIUM"}}""");

        String text = HypothesisView.render(answer);

        assertThat(text).contains("fault: NETWORK_BLACKHOLE on storefront -> pricing, toxicity 1.0, 30 s",
                "reads-p99            product-reads P99_LATENCY < 800 ms (min 100 samples)",
                "orders-503           order-writes STATUS_SHARE[503] >= 0.99 (min 20 samples)",
                "reads-failing        product-reads ERROR_RATE > 0.5 over 3000 ms, sustained 1000 ms -> stop",
                "risk MEDIUM");
    }
}
