package dev.faultline.agent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP API: the JDK's {@link HttpServer} in front of a list of {@link ApiRoutes}.
 * Every request but {@code GET /health} must carry the shared {@link BearerToken} (401
 * otherwise); an {@link ApiException} becomes {@code {"error": ..., "status": ...}}; an
 * unexpected failure a 500 naming it. A few worker threads, because a verified stop may wait
 * (a kill fault waits for its target to come back) and must not hold up a renewal.
 */
public final class AgentHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final int WORKERS = 4;

    private final BearerToken token;
    private final List<ApiRoutes> routes;
    private final ExecutorService workers;
    private final HttpServer server;

    private AgentHttpServer(HttpServer server, BearerToken token, List<ApiRoutes> routes) {
        this.server = server;
        this.token = token;
        this.routes = List.copyOf(routes);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "agent-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
    }

    /** Binds the API; throws {@link IllegalStateException} naming the address when it cannot. */
    public static AgentHttpServer start(String host, int port, BearerToken token, List<ApiRoutes> routes) {
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm holds the body
        // until the client's delayed ACK (~40 ms) arrives. Read once, when the server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            AgentHttpServer api = new AgentHttpServer(HttpServer.create(new InetSocketAddress(host, port), 64), token, routes);
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for the agent API on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse answer = answer(exchange);
            if (answer.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"faultline-agent\"");
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private ApiResponse answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            boolean health = method.equals("GET") && path.equals("/health");
            String refusal = health ? null : token.refusal(exchange.getRequestHeaders().getFirst("Authorization"));
            if (refusal != null) {
                throw new ApiException(401, refusal);
            }
            ApiRequest request = new ApiRequest(method, path, readBody(exchange.getRequestBody()));
            for (ApiRoutes group : routes) {
                Optional<ApiResponse> response = group.handle(request);
                if (response.isPresent()) {
                    return response.get();
                }
            }
            throw ApiException.notFound("no such endpoint: " + method + " " + path);
        } catch (ApiException e) {
            LOG.debug("{} {} refused: {} {}", method, path, e.status(), e.getMessage());
            return Json.error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            return Json.error(new ApiException(500, "internal error: " + e));
        }
    }

    private static byte[] readBody(InputStream in) {
        try {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiException(413, "request body larger than " + MAX_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
