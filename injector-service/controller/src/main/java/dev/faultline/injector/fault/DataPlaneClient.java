package dev.faultline.injector.fault;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.kit.tracing.HttpClientSpans.ClientSpan;
import dev.faultline.kit.tracing.HttpClientSpans;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link DataPlanePort} over the data plane's Toxiproxy-compatible management API and its {@code /leases}. */
@Singleton
public class DataPlaneClient implements DataPlanePort {

    /**
     * The lease's calls (renew, release, list) run on the lease's clock. A renewal answered later than this is no use,
     * since the lease (3 s) would run out before the next one, and counts as not renewed; the data plane then removes
     * the fault itself. A stop that cannot reach the data plane is covered by the lease the same way, and its report
     * must not wait longer per attempt (analysis gives a missing stop 15 s past the deadline before judging it lost).
     */
    private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Any other call (a toxic or rule added, deleted or listed: a fault applied, a rehearsal): its answer is still
     * worth having late on a machine too busy to answer in 2 s — a crowded two-instance stack answered a rehearsal's
     * DELETE after 2 s and its run was refused — and whatever it applied is under its lease meanwhile.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final String baseUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(LEASE_TIMEOUT).build();
    private final HttpClientSpans spans;

    @Inject
    public DataPlaneClient(InjectorSettings settings, JsonMapper json, HttpClientSpans spans) {
        this(settings.dataPlaneUrl(), json, spans);
    }

    public DataPlaneClient(String baseUrl, JsonMapper json) {
        this(baseUrl, json, HttpClientSpans.disabled());
    }

    public DataPlaneClient(String baseUrl, JsonMapper json, HttpClientSpans spans) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
        this.spans = spans;
    }

    @Override
    public boolean hasProxy(String proxy) {
        return call("GET", "/proxies/" + enc(proxy), null).statusCode() == 200;
    }

    @Override
    public boolean hasHttpProxy(String httpProxy) {
        return call("GET", "/http-proxies/" + enc(httpProxy), null).statusCode() == 200;
    }

    @Override
    public void addToxic(String proxy, FaultAction toxic, Lease lease) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", toxic.name());
        body.put("type", toxic.type());
        body.put("stream", toxic.stream());
        body.put("toxicity", toxic.toxicity());
        body.put("attributes", toxic.attributes());
        body.put("lease", leaseBody(lease));
        expectOk(call("POST", "/proxies/" + enc(proxy) + "/toxics", body), "add toxic " + toxic.name() + " to " + proxy);
    }

    @Override
    public void addRule(String httpProxy, FaultAction rule, Lease lease) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", rule.name());
        body.put("type", rule.type());
        body.put("share", rule.toxicity());
        body.put("attributes", rule.attributes());
        body.put("lease", leaseBody(lease));
        expectOk(call("POST", "/http-proxies/" + enc(httpProxy) + "/rules", body), "add rule " + rule.name() + " to " + httpProxy);
    }

    @Override
    public void deleteToxic(String proxy, String toxic) {
        HttpResponse<String> answer = call("DELETE", "/proxies/" + enc(proxy) + "/toxics/" + enc(toxic), null);
        if (answer.statusCode() != 404) {
            expectOk(answer, "delete toxic " + toxic + " on " + proxy);
        }
    }

    @Override
    public void deleteRule(String httpProxy, String rule) {
        HttpResponse<String> answer = call("DELETE", "/http-proxies/" + enc(httpProxy) + "/rules/" + enc(rule), null);
        if (answer.statusCode() != 404) {
            expectOk(answer, "delete rule " + rule + " on " + httpProxy);
        }
    }

    @Override
    public List<String> ruleNames(String httpProxy) {
        HttpResponse<String> answer = expectOk(call("GET", "/http-proxies/" + enc(httpProxy) + "/rules", null),
                "list rules of " + httpProxy);
        return read(answer.body()).stream().map(r -> String.valueOf(r.get("name"))).toList();
    }

    @Override
    public List<String> toxicNames(String proxy) {
        HttpResponse<String> answer = expectOk(call("GET", "/proxies/" + enc(proxy) + "/toxics", null), "list toxics of " + proxy);
        return read(answer.body()).stream().map(t -> String.valueOf(t.get("name"))).toList();
    }

    @Override
    public boolean renew(String holder) {
        HttpResponse<String> answer = call("POST", "/leases/" + enc(holder) + "/renew", Map.of(), LEASE_TIMEOUT);
        if (answer.statusCode() == 404) {
            return false;
        }
        expectOk(answer, "renew leases of " + holder);
        return true;
    }

    @Override
    public List<String> release(String holder) {
        HttpResponse<String> answer = expectOk(call("DELETE", "/leases/" + enc(holder), null, LEASE_TIMEOUT),
                "release " + holder);
        try {
            Map<String, Object> body = json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
            Object removed = body.get("removed");
            return removed instanceof List<?> keys ? keys.stream().map(String::valueOf).toList() : List.of();
        } catch (IOException e) {
            throw new DataPlaneException("unreadable answer to release " + holder + ": " + answer.body(), e);
        }
    }

    @Override
    public List<String> leasesOf(String holder) {
        HttpResponse<String> answer = expectOk(call("GET", "/leases", null, LEASE_TIMEOUT), "list leases");
        return read(answer.body()).stream().filter(l -> holder.equals(l.get("holder")))
                .map(l -> String.valueOf(l.get("key"))).toList();
    }

    private static Map<String, Object> leaseBody(Lease lease) {
        return Map.of("holder", lease.holder(), "ttl_ms", lease.ttl().toMillis());
    }

    private List<Map<String, Object>> read(String body) {
        try {
            return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new DataPlaneException("unreadable data plane answer: " + body, e);
        }
    }

    private HttpResponse<String> call(String method, String path, Object body) {
        return call(method, path, body, CALL_TIMEOUT);
    }

    private HttpResponse<String> call(String method, String path, Object body, Duration timeout) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            URI uri = URI.create(baseUrl + path);
            ClientSpan span = spans.start(method, uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("content-type", "application/json").method(method, publisher);
            span.headers().forEach(request::header);
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                span.end(answer.statusCode(), null);
                return answer;
            } catch (IOException | InterruptedException | RuntimeException e) {
                span.end(null, e);
                throw e;
            }
        } catch (IOException e) {
            throw new DataPlaneException("data plane " + baseUrl + " unreachable (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted during " + method + " " + path, e);
        }
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> answer, String what) {
        if (answer.statusCode() >= 300) {
            throw new DataPlaneException("data plane refused to " + what + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
