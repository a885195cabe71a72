package dev.faultline.dataplane.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.ApiClient;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON shapes and status codes of Toxiproxy's API, field by field. */
class ToxiproxyApiShapesIT {

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;

    @BeforeAll
    static void start() throws IOException {
        fixture = new DataPlaneFixture(DataPlaneConfig.defaults());
        echo = TestUpstream.echo();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    @Test
    void proxyAndToxicShapes() {
        ApiClient api = fixture.api();
        ApiClient.Answer created = api.post("/proxies", "{\"name\": \"shop\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + echo.address() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode proxy = created.json();
        assertThat(proxy.get("name").asText()).isEqualTo("shop");
        assertThat(proxy.get("listen").asText()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        assertThat(proxy.get("upstream").asText()).isEqualTo(echo.address());
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics")).isEmpty();

        ApiClient.Answer toxic = api.post("/proxies/shop/toxics", "{\"type\": \"latency\", \"attributes\": {\"latency\": 10}}");
        assertThat(toxic.status()).isEqualTo(200);
        assertThat(toxic.json().get("name").asText()).isEqualTo("latency_downstream");
        assertThat(toxic.json().get("type").asText()).isEqualTo("latency");
        assertThat(toxic.json().get("stream").asText()).isEqualTo("downstream");
        assertThat(toxic.json().get("toxicity").asDouble()).isEqualTo(1.0);
        assertThat(toxic.json().get("attributes").get("latency").asLong()).isEqualTo(10);
        assertThat(toxic.json().get("attributes").get("jitter").asLong()).isZero();

        ApiClient.Answer updated = api.post("/proxies/shop/toxics/latency_downstream", "{\"toxicity\": 0.5, \"attributes\": {\"jitter\": 3}}");
        assertThat(updated.json().get("toxicity").asDouble()).isEqualTo(0.5);
        assertThat(updated.json().get("attributes").get("latency").asLong()).isEqualTo(10);
        assertThat(updated.json().get("attributes").get("jitter").asLong()).isEqualTo(3);

        assertThat(api.get("/proxies").json().get("shop").get("toxics")).hasSize(1);
        assertThat(api.get("/proxies/shop/toxics").json()).hasSize(1);
        assertThat(api.delete("/proxies/shop/toxics/latency_downstream").status()).isEqualTo(204);
        assertThat(api.delete("/proxies/shop").status()).isEqualTo(204);
        assertThat(api.get("/version").json().get("version").asText()).isNotBlank();
    }

    @Test
    void populateCreatesKeepsAndReplaces() {
        ApiClient api = fixture.api();
        String body = "[{\"name\": \"p1\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + echo.address() + "\"},"
                + " {\"name\": \"p2\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + echo.address() + "\", \"enabled\": false}]";
        ApiClient.Answer populated = api.post("/populate", body);
        assertThat(populated.status()).isEqualTo(201);
        assertThat(populated.json().get("proxies").findValuesAsText("name")).containsExactly("p1", "p2");
        String p1Listen = api.get("/proxies/p1").json().get("listen").asText();
        assertThat(api.get("/proxies/p2").json().get("enabled").asBoolean()).isFalse();

        ApiClient.Answer again = api.post("/populate", "[{\"name\": \"p1\", \"listen\": \"" + p1Listen + "\", \"upstream\": \"" + echo.address() + "\"}]");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("proxies").get(0).get("listen").asText()).isEqualTo(p1Listen);
    }
}
