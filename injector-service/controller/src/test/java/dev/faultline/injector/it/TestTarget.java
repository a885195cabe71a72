package dev.faultline.injector.it;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.dataplane.DataPlane;
import dev.faultline.dataplane.DataPlaneConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A system under test for the ITs and the benchmark: a JDK HTTP server answering {@code 200 {"price": 10}}, an
 * in-process data plane, and an L4 proxy named {@code proxyName} in front of the server. Probes go through the proxy.
 */
public final class TestTarget implements AutoCloseable {

    static {
        // the JDK server writes an answer's head and body apart; with Nagle on, the body waits for the delayed ACK of
        // the head (~40 ms a request on Linux), which would swamp what the ITs and benchmarks measure
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Pattern LISTEN = Pattern.compile("\"listen\"\\s*:\\s*\"[^\"]*:(\\d+)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-target");
        t.setDaemon(true);
        return t;
    });
    private final DataPlane plane;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int proxyPort;
    private final int httpProxyPort;
    private final String proxyName;

    public TestTarget(String proxyName) {
        this.proxyName = proxyName;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = "{\"price\":10}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        plane = DataPlane.start(DataPlaneConfig.defaults().withPort(0));
        String answer = call("POST", "/proxies", "{\"name\":\"" + proxyName + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:"
                + server.getAddress().getPort() + "\"}");
        Matcher m = LISTEN.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("cannot create proxy: " + answer);
        }
        proxyPort = Integer.parseInt(m.group(1));
        String l7 = call("POST", "/http-proxies", "{\"name\":\"" + proxyName + "-http\",\"upstream\":\"127.0.0.1:"
                + server.getAddress().getPort() + "\"}");
        Matcher h = LISTEN.matcher(l7);
        if (!h.find()) {
            throw new IllegalStateException("cannot create HTTP fault proxy: " + l7);
        }
        httpProxyPort = Integer.parseInt(h.group(1));
    }

    /**
     * One more L4 proxy on this data plane, named {@code name}, in front of {@code upstream} ({@code host:port}): a link
     * of Faultline's own that a test cuts (a toxic on it) and mends. Returns the address it listens on.
     */
    public String proxy(String name, String upstream) {
        Matcher m = LISTEN.matcher(call("POST", "/proxies", "{\"name\":\"" + name
                + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream + "\"}"));
        if (!m.find()) {
            throw new IllegalStateException("cannot create proxy " + name);
        }
        return "127.0.0.1:" + m.group(1);
    }

    /** The URL of a path on the target, through the L7 HTTP fault proxy {@code <proxyName>-http}. */
    public String httpUrl(String path) {
        return "http://127.0.0.1:" + httpProxyPort + path;
    }

    /** The L7 proxy's rules as JSON ({@code []} when none). */
    public String rules() {
        return call("GET", "/http-proxies/" + proxyName + "-http/rules", null);
    }

    public String dataPlaneUrl() {
        return "http://127.0.0.1:" + plane.managementAddress().getPort();
    }

    /** The URL of a path on the target, through the proxy. */
    public String url(String path) {
        return "http://127.0.0.1:" + proxyPort + path;
    }

    /** The proxy's toxics as JSON ({@code []} when none). */
    public String toxics() {
        return call("GET", "/proxies/" + proxyName + "/toxics", null);
    }

    public String leases() {
        return call("GET", "/leases", null);
    }

    public String call(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(dataPlaneUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("content-type", "application/json").build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        plane.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
