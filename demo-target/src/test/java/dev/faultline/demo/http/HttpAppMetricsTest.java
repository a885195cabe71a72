package dev.faultline.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request is counted and timed by route template and status, and {@code GET /metrics} shows it as Prometheus text. */
class HttpAppMetricsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpApp app;

    HttpAppMetricsTest() throws Exception {
        app = HttpApp.start("demo", 0, 2, List.of(new Route("GET", "/things/{id}", request -> Response.json(200, Map.of()))),
                new PrometheusRegistry());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void shouldCountRequestsByRouteTemplateAndStatus() throws Exception {
        get("/things/a");
        get("/things/b");
        get("/nowhere");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains(
                "# TYPE demo_http_requests_total counter\n",
                "demo_http_requests_total{method=\"GET\",path=\"/things/{id}\",status=\"200\"} 2.0\n",
                "demo_http_requests_total{method=\"GET\",path=\"unmatched\",status=\"404\"} 1.0\n");
    }

    @Test
    void shouldTimeRequestsInTheDemoLatencyBuckets() throws Exception {
        get("/things/a");

        assertThat(get("/metrics").body()).contains(
                "# TYPE demo_http_request_duration_seconds histogram\n",
                "demo_http_request_duration_seconds_bucket{method=\"GET\",path=\"/things/{id}\",le=\"0.005\"} ",
                "demo_http_request_duration_seconds_bucket{method=\"GET\",path=\"/things/{id}\",le=\"1.25\"} 1\n",
                "demo_http_request_duration_seconds_bucket{method=\"GET\",path=\"/things/{id}\",le=\"+Inf\"} 1\n",
                "demo_http_request_duration_seconds_count{method=\"GET\",path=\"/things/{id}\"} 1\n");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
