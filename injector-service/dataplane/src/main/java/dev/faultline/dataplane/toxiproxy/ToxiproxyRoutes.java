package dev.faultline.dataplane.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.ApiRequest;
import dev.faultline.dataplane.api.ApiResponse;
import dev.faultline.dataplane.api.ApiRoutes;
import dev.faultline.dataplane.api.Json;
import dev.faultline.dataplane.proxy.ProxyDefinition;
import dev.faultline.dataplane.proxy.ProxyRegistry;
import dev.faultline.dataplane.proxy.TcpProxy;
import dev.faultline.dataplane.toxic.ToxicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Toxiproxy's HTTP API over the L4 proxies, so Toxiproxy clients drive Faultline unchanged:
 * {@code /proxies}, {@code /proxies/{p}}, {@code /proxies/{p}/toxics[/{t}]}, {@code /populate},
 * {@code /reset}, {@code /version}. Same paths, shapes and status codes, except that a taken
 * listen port is a 409 (Toxiproxy answers 500) and a toxic's lease is shown beside it.
 */
public final class ToxiproxyRoutes implements ApiRoutes {

    /** The Toxiproxy API version this mirrors, reported by {@code GET /version}. */
    public static final String VERSION = "2.12.0-faultline";

    private final ProxyRegistry proxies;

    public ToxiproxyRoutes(ProxyRegistry proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<ApiResponse> handle(ApiRequest request) {
        String[] path = request.segments();
        String method = request.method();
        if (path.length == 1 && path[0].equals("version")) {
            return Optional.of(only(method, "GET", () -> Json.ok(Map.of("version", VERSION))));
        }
        if (path.length == 1 && path[0].equals("reset")) {
            return Optional.of(only(method, "POST", () -> {
                proxies.reset();
                return ApiResponse.noContent();
            }));
        }
        if (path.length == 1 && path[0].equals("populate")) {
            return Optional.of(only(method, "POST", () -> populate(Json.parse(request.body()))));
        }
        if (path.length == 0 || !path[0].equals("proxies") || path.length > 4 || (path.length >= 3 && !path[2].equals("toxics"))) {
            return Optional.empty();
        }
        return Optional.of(switch (path.length) {
            case 1 -> proxyIndex(method, request);
            case 2 -> proxy(method, path[1], request);
            case 3 -> toxicIndex(method, path[1], request);
            default -> toxic(method, path[1], path[3], request);
        });
    }

    private ApiResponse proxyIndex(String method, ApiRequest request) {
        if (method.equals("GET")) {
            Map<String, Object> all = new LinkedHashMap<>();
            proxies.all().forEach(p -> all.put(p.name(), Views.proxy(p, proxies)));
            return Json.ok(all);
        }
        return only(method, "POST", () -> {
            TcpProxy created = proxies.create(Requests.newProxy(Json.parse(request.body())));
            return Json.status(201, Views.proxy(created, proxies));
        });
    }

    private ApiResponse proxy(String method, String name, ApiRequest request) {
        switch (method) {
            case "GET":
                return Json.ok(Views.proxy(proxies.get(name), proxies));
            case "POST", "PATCH":
                JsonNode body = Json.parse(request.body());
                ProxyDefinition changes = Requests.proxyChanges(body, proxies.get(name));
                return Json.ok(Views.proxy(proxies.update(name, changes, Requests.lease(body)), proxies));
            case "DELETE":
                proxies.delete(name);
                return ApiResponse.noContent();
            default:
                throw methodNotAllowed(method, "GET, POST, PATCH, DELETE");
        }
    }

    private ApiResponse toxicIndex(String method, String proxyName, ApiRequest request) {
        TcpProxy proxy = proxies.get(proxyName);
        if (method.equals("GET")) {
            return Json.ok(proxy.toxics().stream().map(t -> Views.toxic(proxy, t, proxies)).toList());
        }
        return only(method, "POST", () -> {
            JsonNode body = Json.parse(request.body());
            ToxicSpec spec = Requests.newToxic(body, proxies.types());
            proxies.addToxic(proxyName, spec, Requests.lease(body));
            return Json.ok(Views.toxic(proxy, spec, proxies));
        });
    }

    private ApiResponse toxic(String method, String proxyName, String toxicName, ApiRequest request) {
        TcpProxy proxy = proxies.get(proxyName);
        ToxicSpec current = proxy.toxic(toxicName).orElseThrow(() -> ApiException.notFound(
                "toxic " + toxicName + " not found on proxy " + proxyName));
        switch (method) {
            case "GET":
                return Json.ok(Views.toxic(proxy, current, proxies));
            case "POST", "PATCH":
                JsonNode body = Json.parse(request.body());
                ToxicSpec updated = Requests.toxicChanges(body, current, proxies.types());
                proxies.updateToxic(proxyName, updated, Requests.lease(body));
                return Json.ok(Views.toxic(proxy, updated, proxies));
            case "DELETE":
                proxies.removeToxic(proxyName, toxicName);
                return ApiResponse.noContent();
            default:
                throw methodNotAllowed(method, "GET, POST, PATCH, DELETE");
        }
    }

    private ApiResponse populate(JsonNode body) {
        JsonNode list = body.isObject() && body.has("proxies") ? body.get("proxies") : body;
        if (!list.isArray()) {
            throw ApiException.badRequest("bad request body: populate expects a JSON array of proxies");
        }
        List<ProxyDefinition> definitions = new ArrayList<>();
        for (JsonNode node : list) {
            ProxyDefinition d = Requests.newProxy(node);
            if (d.name() == null || d.name().isBlank()) {
                throw ApiException.badRequest("missing required field: name (in a populate entry)");
            }
            if (d.upstream() == null || d.upstream().isBlank()) {
                throw ApiException.badRequest("missing required field: upstream (in populate entry " + d.name() + ")");
            }
            definitions.add(d);
        }
        ProxyRegistry.PopulateResult result = proxies.populate(definitions);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (result.error() != null) {
            answer.put("error", result.error().getMessage());
            answer.put("status", result.error().status());
        }
        answer.put("proxies", result.proxies().stream().map(p -> Views.proxy(p, proxies)).toList());
        return Json.status(result.error() == null ? 201 : result.error().status(), answer);
    }

    private static ApiResponse only(String method, String allowed, java.util.function.Supplier<ApiResponse> action) {
        if (!method.equals(allowed)) {
            throw methodNotAllowed(method, allowed);
        }
        return action.get();
    }

    private static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, "method " + method + " not allowed here; use " + allowed);
    }
}
