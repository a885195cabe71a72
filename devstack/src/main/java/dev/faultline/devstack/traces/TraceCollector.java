package dev.faultline.devstack.traces;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf), built on the opentelemetry-proto classes: services
 * export to {@link #endpoint()} (with {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}) and the tests read back what
 * arrived; the compose stack runs it as its collector ({@code container/TraceCollectorMain}), where one can read
 * {@code GET /v1/services} (spans received per service) and {@code GET /v1/traces/<trace id>} (a trace's spans, JSON).
 * It keeps the latest {@code capacity} spans. Written by hand because the OpenTelemetry Collector's binary is in no
 * repository this project may use (Debian, Maven Central, npm); where it is, the Collector takes its place unchanged.
 */
public final class TraceCollector implements AutoCloseable {

    /** One received span, ids in lowercase hex, an empty parent for a root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               String kind, Map<String, String> attributes, List<String> linkedSpanIds) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private final HttpServer server;
    private final int capacity;
    private final Deque<ReceivedSpan> spans = new ArrayDeque<>();
    private final Map<String, Long> perService = new TreeMap<>();

    private TraceCollector(HttpServer server, int capacity) {
        this.server = server;
        this.capacity = capacity;
    }

    /** On a free loopback port, keeping up to 100,000 spans: the tests' receiver. */
    public static TraceCollector start() throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100_000);
    }

    public static TraceCollector start(InetSocketAddress bind, int capacity) throws IOException {
        HttpServer server = HttpServer.create(bind, 0);
        TraceCollector collector = new TraceCollector(server, capacity);
        server.createContext("/v1/traces", collector::traces);
        server.createContext("/v1/services", collector::services);
        server.start();
        return collector;
    }

    /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public synchronized List<ReceivedSpan> spansOfTrace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** How many spans each service has sent since the start (the retained ones and those dropped since), by name. */
    public synchronized Map<String, Long> spansPerService() {
        return Collections.unmodifiableMap(new TreeMap<>(perService));
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (exchange.getRequestMethod().equals("GET")) {
                String traceId = exchange.getRequestURI().getPath().substring("/v1/traces".length()).replace("/", "");
                answerJson(exchange, spansOfTrace(traceId).stream().map(TraceCollector::json)
                        .collect(Collectors.joining(",\n", "[", "]\n")));
                return;
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> add(toReceived(service, span)));
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void services(HttpExchange exchange) throws IOException {
        try (exchange) {
            answerJson(exchange, spansPerService().entrySet().stream()
                    .map(e -> "\"" + escape(e.getKey()) + "\": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}\n")));
        }
    }

    private synchronized void add(ReceivedSpan span) {
        spans.addLast(span);
        perService.merge(span.service(), 1L, Long::sum);
        while (spans.size() > capacity) {
            spans.removeFirst();
        }
    }

    private static void answerJson(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String json(ReceivedSpan span) {
        return "{\"service\": \"" + escape(span.service()) + "\", \"spanId\": \"" + span.spanId()
                + "\", \"parentSpanId\": \"" + span.parentSpanId() + "\", \"name\": \"" + escape(span.name())
                + "\", \"kind\": \"" + span.kind() + "\"}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ReceivedSpan toReceived(String service, Span span) {
        return new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind().name(), attributes(span.getAttributesList()),
                span.getLinksList().stream().map(link -> HEX.formatHex(link.getSpanId().toByteArray())).toList());
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        return values.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()), (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
