package dev.faultline.dataplane.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.lease.LeaseTerms;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads management request bodies into L7 domain values, with stated defaults (match every
 * request, share 1, path_match prefix, name = action type) and a 400 naming any bad field.
 */
final class HttpRequests {

    private static final Set<String> PROXY_FIELDS = Set.of("name", "listen", "upstream");
    private static final Set<String> RULE_FIELDS = Set.of("name", "type", "match", "share", "attributes", "lease");
    private static final Set<String> MATCH_FIELDS = Set.of("method", "path", "path_match", "headers");

    private HttpRequests() {
    }

    record NewProxy(String name, String listen, String upstream) {
    }

    static NewProxy newProxy(JsonNode body) {
        requireObject(body, "an http proxy ({\"name\", \"listen\", \"upstream\"})", PROXY_FIELDS);
        return new NewProxy(text(body, "name", null), text(body, "listen", null), text(body, "upstream", null));
    }

    static HttpRuleSpec newRule(JsonNode body, HttpActionTypes types) {
        requireObject(body, "a rule ({\"type\", \"match\", \"share\", \"attributes\", \"lease\"})", RULE_FIELDS);
        HttpActionType<?> type = types.get(text(body, "type", null));
        HttpMatch match = match(body.get("match"));
        HttpAction action = type.parse(body.get("attributes"));
        try {
            return new HttpRuleSpec(text(body, "name", type.name()), type.name(), match, share(body), action);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static HttpMatch match(JsonNode node) {
        if (node == null || node.isNull()) {
            return HttpMatch.ANY;
        }
        requireObject(node, "'match' ({\"method\", \"path\", \"path_match\", \"headers\"})", MATCH_FIELDS);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = node.get("headers");
        if (headerNode != null && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw ApiException.badRequest("match.headers must be an object of header name to value, was " + headerNode);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (!header.getValue().isTextual()) {
                    throw ApiException.badRequest("match.headers." + header.getKey() + " must be a string, was " + header.getValue());
                }
                headers.put(header.getKey(), header.getValue().asText());
            }
        }
        try {
            PathPattern path = new PathPattern(text(node, "path", "/"), PathPattern.Kind.parse(text(node, "path_match", "prefix")));
            return new HttpMatch(text(node, "method", null), path, headers);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static double share(JsonNode body) {
        JsonNode node = body.get("share");
        if (node == null || node.isNull()) {
            return 1.0;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw ApiException.badRequest("share must be a number from 0 to 1 (the share of matching requests affected), was " + node);
        }
        return node.asDouble();
    }

    /** The optional {@code lease: {holder, ttl_ms}}; null when absent (the default lease applies). */
    static LeaseTerms lease(JsonNode body) {
        JsonNode lease = body.get("lease");
        if (lease == null || lease.isNull()) {
            return null;
        }
        requireObject(lease, "'lease' ({\"holder\": ..., \"ttl_ms\": ...})", Set.of("holder", "ttl_ms"));
        String holder = text(lease, "holder", null);
        JsonNode ttl = lease.get("ttl_ms");
        if (holder == null || holder.isBlank()) {
            throw ApiException.badRequest("lease.holder is required: the id of the controller that will renew the lease");
        }
        if (ttl == null || !ttl.canConvertToLong() || ttl.asLong() <= 0) {
            throw ApiException.badRequest("lease.ttl_ms must be a positive whole number of milliseconds, was " + ttl);
        }
        return new LeaseTerms(holder, Duration.ofMillis(ttl.asLong()));
    }

    private static void requireObject(JsonNode node, String what, Set<String> known) {
        if (!node.isObject()) {
            throw ApiException.badRequest("bad request body: expected " + what + " as a JSON object, got " + node.getNodeType());
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw ApiException.badRequest("unknown field '" + field + "' in " + what + "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a string, was " + node);
        }
        return node.asText();
    }
}
