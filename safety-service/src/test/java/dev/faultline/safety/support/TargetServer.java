package dev.faultline.safety.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP target for probe tests: answers every request with a settable status and delay, and records POST bodies. */
public final class TargetServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();

    public TargetServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.addAll(exchange.getRequestHeaders().keySet().stream().map(String::toLowerCase).toList());
            authorizations.addAll(exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
            int delay = delayMillis.get();
            if (delay > 0) {
                // a slow target: the answer is sent later from another thread, the server's thread is not held
                answers.schedule(() -> answer(exchange), delay, TimeUnit.MILLISECONDS);
            } else {
                answer(exchange);
            }
        });
        server.start();
    }

    private void answer(HttpExchange exchange) {
        byte[] body = "{\"verified\":true,\"detail\":\"toxic created, removed and gone\"}".getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the client gave up waiting (a timeout under test): nothing to answer
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int code) {
        status.set(code);
    }

    /** Answers each request this long after it arrived (a slow target). */
    public void answerAfter(int millis) {
        delayMillis.set(millis);
    }

    /** How many requests arrived. */
    public int requests() {
        return bodies.size();
    }

    public List<String> bodies() {
        return bodies;
    }

    public List<String> headerNames() {
        return headers;
    }

    /** The {@code Authorization} headers received (the dry runs carry safety-service's token). */
    public List<String> authorizations() {
        return authorizations;
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
    }
}
