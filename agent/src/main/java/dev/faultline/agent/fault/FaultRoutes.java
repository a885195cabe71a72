package dev.faultline.agent.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.agent.api.ApiException;
import dev.faultline.agent.api.ApiRequest;
import dev.faultline.agent.api.ApiResponse;
import dev.faultline.agent.api.ApiRoutes;
import dev.faultline.agent.api.Json;
import dev.faultline.agent.client.ClearanceJson;
import dev.faultline.agent.lease.Lease;
import dev.faultline.agent.lease.LeaseTerms;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's fault endpoints over {@link HostFaults}: {@code /faults}, {@code /rehearsals} and
 * {@code /leases}. Translates JSON to orders and refusals to statuses (400 invalid, 403 not
 * cleared or not allowed, 404 unknown, 409 name in use or below a floor), and delegates in a line or two.
 */
public final class FaultRoutes implements ApiRoutes {

    private static final Set<String> ORDER_FIELDS = Set.of("name", "kind", "holder", "ttlMillis", "attributes", "clearance");
    private static final Set<String> REHEARSAL_FIELDS = Set.of("kind", "attributes");

    private final HostFaults faults;
    private final AtomicLong sequence = new AtomicLong();

    public FaultRoutes(HostFaults faults) {
        this.faults = faults;
    }

    @Override
    public Optional<ApiResponse> handle(ApiRequest request) {
        String[] path = request.segments();
        if (path.length == 0 || !Set.of("faults", "rehearsals", "leases").contains(path[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (path[0]) {
                case "faults" -> faults(request, path);
                case "rehearsals" -> rehearsals(request, path);
                default -> leases(request, path);
            });
        } catch (FaultRefused e) {
            throw new ApiException(statusOf(e), e.getMessage());
        }
    }

    private ApiResponse faults(ApiRequest request, String[] path) {
        String method = request.method();
        if (path.length == 1 && method.equals("GET")) {
            return Json.ok(faults.list());
        }
        if (path.length == 1 && method.equals("POST")) {
            return Json.status(201, faults.create(order(Json.parse(request.body()))));
        }
        if (path.length == 2 && method.equals("GET")) {
            return Json.ok(faults.get(path[1]).orElseThrow(() -> ApiException.notFound("no fault named '" + path[1] + "' is in force")));
        }
        if (path.length == 2 && method.equals("DELETE")) {
            return Json.ok(faults.stop(path[1]));
        }
        throw new ApiException(405, "fault endpoints: GET /faults, POST /faults, GET /faults/{name}, DELETE /faults/{name}");
    }

    private ApiResponse rehearsals(ApiRequest request, String[] path) {
        if (path.length != 1 || !request.method().equals("POST")) {
            throw new ApiException(405, "rehearsal endpoint: POST /rehearsals {kind, attributes}");
        }
        JsonNode body = object(Json.parse(request.body()), REHEARSAL_FIELDS);
        return Json.ok(faults.rehearse(text(body, "kind"), body.get("attributes")));
    }

    private ApiResponse leases(ApiRequest request, String[] path) {
        String method = request.method();
        if (path.length == 2 && method.equals("GET")) {
            return Json.ok(Map.of("holder", path[1], "faults", faults.heldBy(path[1])));
        }
        if (path.length == 3 && path[2].equals("renew") && method.equals("POST")) {
            Map<String, Lease> renewed = faults.renew(path[1]);
            if (renewed.isEmpty()) {
                throw ApiException.notFound("holder " + path[1] + " holds no faults (they were stopped, their leases lapsed, or none was created)");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("holder", path[1]);
            answer.put("renewed", renewed.size());
            answer.put("expiresAt", renewed.values().stream().map(Lease::expiresAt).min(Comparator.naturalOrder()).orElseThrow());
            return Json.ok(answer);
        }
        if (path.length == 2 && method.equals("DELETE")) {
            List<Removal> removed = faults.release(path[1]);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("holder", path[1]);
            answer.put("removed", removed);
            answer.put("verified", removed.stream().allMatch(Removal::verified));
            return Json.ok(answer);
        }
        throw new ApiException(405, "lease endpoints: GET /leases/{holder}, POST /leases/{holder}/renew, DELETE /leases/{holder}");
    }

    private FaultOrder order(JsonNode json) {
        JsonNode body = object(json, ORDER_FIELDS);
        String kind = text(body, "kind");
        String name = body.hasNonNull("name") ? text(body, "name") : kind + "-" + sequence.incrementAndGet();
        JsonNode ttl = body.get("ttlMillis");
        if (ttl == null || !ttl.canConvertToLong() || !ttl.isIntegralNumber()) {
            throw ApiException.badRequest("'ttlMillis' must be the lease's time to live in milliseconds (a whole number), was "
                    + (ttl == null ? "missing" : ttl.toString()));
        }
        try {
            return new FaultOrder(name, kind, new LeaseTerms(text(body, "holder"), Duration.ofMillis(ttl.asLong())),
                    body.get("attributes"), body.hasNonNull("clearance") ? ClearanceJson.read(body.get("clearance")) : null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static JsonNode object(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object with fields " + String.join(", ", new TreeSet<>(fields)));
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                throw ApiException.badRequest("unknown field '" + field + "'; known fields: " + String.join(", ", new TreeSet<>(fields)));
            }
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest("'" + field + "' must be a non-empty string, was " + (value == null ? "missing" : value.toString()));
        }
        return value.asText();
    }

    static int statusOf(FaultRefused refusal) {
        if (refusal instanceof FaultRefused.NotAllowed || refusal instanceof FaultRefused.NotCleared) {
            return 403;
        }
        if (refusal instanceof FaultRefused.Unknown) {
            return 404;
        }
        if (refusal instanceof FaultRefused.BelowFloor || refusal instanceof FaultRefused.NameInUse) {
            return 409;
        }
        return 400;
    }
}
