package dev.faultline.dataplane.lease;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.ApiRequest;
import dev.faultline.dataplane.api.ApiResponse;
import dev.faultline.dataplane.api.ApiRoutes;
import dev.faultline.dataplane.api.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faultline's lease endpoints, beside Toxiproxy's API: {@code GET /leases} lists every leased
 * fault (L4 and L7), {@code POST /leases/{holder}/renew} renews all of a controller's faults
 * (404 when it holds none: they expired or were removed), {@code DELETE /leases/{holder}}
 * removes all of them at once (a controller's halt).
 */
public final class LeaseRoutes implements ApiRoutes {

    private final LeaseRegistry leases;

    public LeaseRoutes(LeaseRegistry leases) {
        this.leases = leases;
    }

    @Override
    public Optional<ApiResponse> handle(ApiRequest request) {
        String[] path = request.segments();
        if (path.length == 0 || !path[0].equals("leases")) {
            return Optional.empty();
        }
        String method = request.method();
        if (path.length == 1 && method.equals("GET")) {
            List<Map<String, Object>> all = leases.snapshot().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
            return Optional.of(Json.ok(all));
        }
        if (path.length == 3 && path[2].equals("renew") && method.equals("POST")) {
            int renewed = leases.renewHolder(path[1]);
            if (renewed == 0) {
                throw ApiException.notFound("holder " + path[1] + " holds no faults (expired, removed, or never created)");
            }
            return Optional.of(Json.ok(Map.of("holder", path[1], "renewed", renewed)));
        }
        if (path.length == 2 && method.equals("DELETE")) {
            List<String> removed = leases.revokeHolder(path[1]);
            return Optional.of(Json.ok(Map.of("holder", path[1], "removed", removed)));
        }
        throw new ApiException(405, "lease endpoints: GET /leases, POST /leases/{holder}/renew, DELETE /leases/{holder}");
    }

    private static Map<String, Object> view(String key, Lease lease) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", key);
        view.put("holder", lease.holder());
        view.put("ttl_ms", lease.ttl().toMillis());
        view.put("expires_at", lease.expiresAt().toString());
        return view;
    }
}
