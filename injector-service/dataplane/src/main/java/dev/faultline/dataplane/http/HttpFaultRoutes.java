package dev.faultline.dataplane.http;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.ApiRequest;
import dev.faultline.dataplane.api.ApiResponse;
import dev.faultline.dataplane.api.ApiRoutes;
import dev.faultline.dataplane.api.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The L7 management endpoints, in Toxiproxy's style and error format:
 * {@code GET|POST /http-proxies}, {@code GET|DELETE /http-proxies/{name}},
 * {@code GET|POST /http-proxies/{name}/rules}, {@code GET|DELETE /http-proxies/{name}/rules/{rule}}.
 * {@code POST /reset} belongs to the Toxiproxy routes; this group, registered before them,
 * removes every L7 rule and then lets the request through so that they remove the L4 faults.
 */
public final class HttpFaultRoutes implements ApiRoutes {

    private static final String ROOT = "http-proxies";

    private final HttpProxyRegistry proxies;

    public HttpFaultRoutes(HttpProxyRegistry proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<ApiResponse> handle(ApiRequest request) {
        String[] path = request.segments();
        String method = request.method();
        if (path.length == 1 && path[0].equals("reset") && method.equals("POST")) {
            proxies.resetAll();
            return Optional.empty();
        }
        if (path.length == 0 || !path[0].equals(ROOT)) {
            return Optional.empty();
        }
        if (path.length > 4 || (path.length >= 3 && !path[2].equals("rules"))) {
            throw ApiException.notFound("no such endpoint: " + method + " " + request.path());
        }
        return Optional.of(switch (path.length) {
            case 1 -> proxyIndex(method, request);
            case 2 -> proxy(method, path[1]);
            case 3 -> ruleIndex(method, path[1], request);
            default -> rule(method, path[1], path[3]);
        });
    }

    private ApiResponse proxyIndex(String method, ApiRequest request) {
        return switch (method) {
            case "GET" -> {
                Map<String, Object> all = new LinkedHashMap<>();
                proxies.all().forEach(p -> all.put(p.name(), HttpViews.proxy(p, proxies)));
                yield Json.ok(all);
            }
            case "POST" -> {
                HttpRequests.NewProxy spec = HttpRequests.newProxy(Json.parse(request.body()));
                yield Json.status(201, HttpViews.proxy(proxies.create(spec.name(), spec.listen(), spec.upstream()), proxies));
            }
            default -> throw notAllowed(method, request.path(), "GET, POST");
        };
    }

    private ApiResponse proxy(String method, String name) {
        return switch (method) {
            case "GET" -> Json.ok(HttpViews.proxy(proxies.get(name), proxies));
            case "DELETE" -> {
                proxies.delete(name);
                yield ApiResponse.noContent();
            }
            default -> throw notAllowed(method, "/" + ROOT + "/" + name, "GET, DELETE");
        };
    }

    private ApiResponse ruleIndex(String method, String proxyName, ApiRequest request) {
        return switch (method) {
            case "GET" -> Json.ok(proxies.get(proxyName).rules().all().stream()
                    .map(r -> HttpViews.rule(proxyName, r, proxies)).toList());
            case "POST" -> {
                var body = Json.parse(request.body());
                proxies.get(proxyName);
                HttpRuleSpec spec = HttpRequests.newRule(body, proxies.types());
                HttpRule rule = proxies.addRule(proxyName, spec, HttpRequests.lease(body));
                yield Json.ok(HttpViews.rule(proxyName, rule, proxies));
            }
            default -> throw notAllowed(method, request.path(), "GET, POST");
        };
    }

    private ApiResponse rule(String method, String proxyName, String ruleName) {
        return switch (method) {
            case "GET" -> Json.ok(HttpViews.rule(proxyName, proxies.rule(proxyName, ruleName), proxies));
            case "DELETE" -> {
                proxies.removeRule(proxyName, ruleName);
                yield ApiResponse.noContent();
            }
            default -> throw notAllowed(method, "/" + ROOT + "/" + proxyName + "/rules/" + ruleName, "GET, DELETE");
        };
    }

    private static ApiException notAllowed(String method, String path, String allowed) {
        return new ApiException(405, "method " + method + " not allowed on " + path + "; allowed: " + allowed);
    }
}
