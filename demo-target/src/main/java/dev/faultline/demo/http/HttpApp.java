package dev.faultline.demo.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.demo.metrics.Exposition;
import dev.faultline.demo.metrics.Latency;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on the JDK's {@link HttpServer} with a bounded worker pool: routes requests
 * by method and path template, answers 404/405/400/500 as JSON, and counts every request and its
 * latency by route on the Prometheus client, exposed with the routes' own metrics at {@code GET /metrics}.
 */
public final class HttpApp implements AutoCloseable {

    /** Where a container's demo process listens: {@code DEMO_BIND_ADDRESS=0.0.0.0}; loopback when unset. */
    public static final String BIND_ADDRESS_VARIABLE = "DEMO_BIND_ADDRESS";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);

    private final String name;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final List<Route> routes;
    private final PrometheusRegistry metrics;
    private final Counter requests;
    private final Histogram latency;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    private HttpApp(String name, HttpServer server, ThreadPoolExecutor workers, List<Route> routes,
                    PrometheusRegistry metrics) {
        this.name = name;
        this.server = server;
        this.workers = workers;
        this.metrics = metrics;
        this.requests = Counter.builder().name(name + "_http_requests_total")
                .help("HTTP requests answered, by route and status").labelNames("method", "path", "status")
                .withoutExemplars().register(metrics);
        this.latency = Latency.histogram(metrics, name + "_http_request_duration_seconds", "HTTP request latency by route",
                "method", "path");
        List<Route> all = new ArrayList<>(routes);
        all.add(new Route("GET", "/metrics", request ->
                new Response(200, Map.of(), Exposition.CONTENT_TYPE, Exposition.scrape(metrics))));
        this.routes = List.copyOf(all);
    }

    /**
     * Binds {@code 127.0.0.1:port} ({@code 0} = a free port) — in a container, the address in the environment variable
     * {@value #BIND_ADDRESS_VARIABLE} ({@code 0.0.0.0}) instead — and starts serving with at most
     * {@code threads} concurrent requests; more wait in a bounded queue, beyond it they are refused.
     */
    public static HttpApp start(String name, int port, int threads, List<Route> routes, PrometheusRegistry metrics)
            throws IOException {
        String address = System.getenv().getOrDefault(BIND_ADDRESS_VARIABLE, "127.0.0.1");
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), runnable -> {
                    Thread thread = new Thread(runnable, name + "-http-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        HttpApp app = new HttpApp(name, server, workers, routes, metrics);
        server.createContext("/", app::serve);
        server.setExecutor(workers);
        server.start();
        LOG.info("{} listening on http://{}:{}", name, address, app.port());
        return app;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public PrometheusRegistry metrics() {
        return metrics;
    }

    /** This app, which closes {@code resource} (a Kafka client, a worker) after its server on {@link #close()}. */
    public HttpApp closing(AutoCloseable resource) {
        resources.add(0, resource);
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String label = "unmatched";
        Response response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Optional<Route> wrongMethod = Optional.empty();
            response = null;
            for (Route route : routes) {
                Optional<Map<String, String>> params = route.match(path);
                if (params.isEmpty()) {
                    continue;
                }
                if (route.method().equals(method)) {
                    label = route.template();
                    response = handle(route, new Request(method, path, params.get(), body));
                    break;
                }
                wrongMethod = Optional.of(route);
            }
            if (response == null) {
                response = wrongMethod.isPresent()
                        ? Response.error(405, method + " is not allowed on " + path)
                        : Response.error(404, "no such resource: " + path);
            }
        }
        // counted before the answer is sent: a client that reads /metrics after its answer finds its request there
        requests.labelValues(method, label, Integer.toString(response.status())).inc();
        latency.labelValues(method, label).observe((System.nanoTime() - started) / 1e9);
        write(exchange, response);
    }

    private Response handle(Route route, Request request) {
        try {
            return route.handler().handle(request);
        } catch (BadRequestException e) {
            return Response.error(400, e.getMessage());
        } catch (Exception e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return Response.error(500, "internal error: " + e);
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("{}: closing {} failed: {}", name, resource.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("{} stopped", name);
    }
}
