package dev.faultline.safety.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local HTTP server answering Prometheus' query API with the JSON Prometheus sends (documented at
 * prometheus.io/docs/prometheus/latest/querying/api): {@code /api/v1/query_range} a matrix of two series whose sum
 * at the i-th step is {@code 100 + i % 21} (a band of 100–120), {@code /api/v1/query} a one-series vector of a
 * settable value. For the past weeks a real Prometheus would need backfilled blocks; this serves the same answers.
 */
public final class FakePrometheus implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> now = new AtomicReference<>("110");
    private final List<String> rangeQueries = new CopyOnWriteArrayList<>();

    public FakePrometheus() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/query_range", exchange -> {
            Map<String, String> q = query(exchange.getRequestURI());
            rangeQueries.add(exchange.getRequestURI().getRawQuery());
            double start = Double.parseDouble(q.get("start"));
            double end = Double.parseDouble(q.get("end"));
            double step = Double.parseDouble(q.get("step"));
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            int i = 0;
            for (double t = start; t <= end; t += step, i++) {
                double total = 100 + i % 21;
                a.add("[" + t + ",\"" + (total - 40) + "\"]");
                b.add("[" + t + ",\"40\"]");
            }
            send(exchange, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                    + "{\"metric\":{\"instance\":\"a\"},\"values\":[" + String.join(",", a) + "]},"
                    + "{\"metric\":{\"instance\":\"b\"},\"values\":[" + String.join(",", b) + "]}]}}");
        });
        server.createContext("/api/v1/query", exchange -> send(exchange, "{\"status\":\"success\",\"data\":{"
                + "\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[" + System.currentTimeMillis() / 1000
                + ",\"" + now.get() + "\"]}]}}"));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The value the instant query answers from now on. */
    public void answerNow(double value) {
        now.set(Double.toString(value));
    }

    /** The query strings of the range queries received. */
    public List<String> rangeQueries() {
        return rangeQueries;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
