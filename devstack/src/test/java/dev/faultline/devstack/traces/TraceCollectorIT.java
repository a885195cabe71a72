package dev.faultline.devstack.traces;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The collector over HTTP, as the compose stack uses it: OTLP/HTTP in, spans per service and a trace out. */
class TraceCollectorIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldServeWhatTheServicesExportedAndKeepOnlyTheLatestSpans() throws Exception {
        try (TraceCollector collector = TraceCollector.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 3)) {
            HttpResponse<String> accepted = post(collector, export("safety-service", "aa", "01", "02", "03"));
            post(collector, export("injector-service", "bb", "04", "05"));

            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(get(collector, "/v1/services")).isEqualTo("{\"injector-service\": 2, \"safety-service\": 3}\n");
            // five spans arrived, three are kept: the trace "aa" lost its first two
            assertThat(collector.spans()).extracting(TraceCollector.ReceivedSpan::spanId).containsExactly("03", "04", "05");
            assertThat(get(collector, "/v1/traces/" + "aa".repeat(16)))
                    .contains("\"service\": \"safety-service\"", "\"spanId\": \"03\"", "\"name\": \"span 03\"")
                    .doesNotContain("\"spanId\": \"01\"");
        }
    }

    private static ExportTraceServiceRequest export(String service, String traceByte, String... spanIds) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (String id : spanIds) {
            scope.addSpans(Span.newBuilder().setTraceId(bytes(traceByte.repeat(16))).setSpanId(bytes(id))
                    .setName("span " + id).setKind(Span.SpanKind.SPAN_KIND_SERVER));
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeSpans(scope)).build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static HttpResponse<String> post(TraceCollector collector, ExportTraceServiceRequest request) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(collector.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(TraceCollector collector, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(collector.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
