package dev.faultline.dataplane.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.lease.LeaseTerms;
import dev.faultline.dataplane.proxy.ProxyDefinition;
import dev.faultline.dataplane.proxy.TcpProxy;
import dev.faultline.dataplane.toxic.Stream;
import dev.faultline.dataplane.toxic.Toxic;
import dev.faultline.dataplane.toxic.ToxicSpec;
import dev.faultline.dataplane.toxic.ToxicType;
import dev.faultline.dataplane.toxic.ToxicTypes;
import java.time.Duration;

/**
 * Reads request bodies into domain values with Toxiproxy's defaults (stream downstream,
 * toxicity 1, name {@code <type>_<stream>}, proxy enabled) and a 400 naming any bad field.
 */
final class Requests {

    private Requests() {
    }

    static ProxyDefinition newProxy(JsonNode body) {
        requireObject(body, "a proxy");
        return new ProxyDefinition(text(body, "name", null), text(body, "listen", null),
                text(body, "upstream", null), bool(body, "enabled", true));
    }

    /** Changes to a proxy, defaulting to its current settings as Toxiproxy does. */
    static ProxyDefinition proxyChanges(JsonNode body, TcpProxy current) {
        requireObject(body, "a proxy");
        return new ProxyDefinition(current.name(), text(body, "listen", current.listen()),
                text(body, "upstream", current.upstream()), bool(body, "enabled", current.enabled()));
    }

    static ToxicSpec newToxic(JsonNode body, ToxicTypes types) {
        requireObject(body, "a toxic");
        ToxicType<?> type = types.get(text(body, "type", null));
        Stream stream = Stream.parse(text(body, "stream", "downstream"));
        String name = text(body, "name", ToxicSpec.defaultName(type.name(), stream));
        return spec(name, type.name(), stream, toxicity(body, 1.0), type.parse(body.get("attributes")));
    }

    /** An update: toxicity and attributes change, name, type and stream may not. */
    static ToxicSpec toxicChanges(JsonNode body, ToxicSpec current, ToxicTypes types) {
        requireObject(body, "a toxic");
        if (body.hasNonNull("type") && !current.type().equals(body.get("type").asText())) {
            throw ApiException.badRequest("the type of toxic " + current.name() + " cannot change; delete it and create a new one");
        }
        Stream stream = body.hasNonNull("stream") ? Stream.parse(body.get("stream").asText()) : current.stream();
        if (stream != current.stream()) {
            throw ApiException.badRequest("the stream of toxic " + current.name() + " cannot change; delete it and create a new one");
        }
        Toxic attributes = types.get(current.type()).parse(body.get("attributes"), current.attributes());
        return spec(current.name(), current.type(), stream, toxicity(body, current.toxicity()), attributes);
    }

    /** The optional {@code lease: {holder, ttl_ms}}; null when absent (the default lease applies). */
    static LeaseTerms lease(JsonNode body) {
        JsonNode lease = body.get("lease");
        if (lease == null || lease.isNull()) {
            return null;
        }
        requireObject(lease, "'lease' ({\"holder\": ..., \"ttl_ms\": ...})");
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

    private static ToxicSpec spec(String name, String type, Stream stream, double toxicity, Toxic attributes) {
        if (name.isBlank() || name.contains("/")) {
            throw ApiException.badRequest("toxic name must be non-blank and contain no '/', was '" + name + "'");
        }
        return new ToxicSpec(name, type, stream, toxicity, attributes);
    }

    private static double toxicity(JsonNode body, double current) {
        JsonNode node = body.get("toxicity");
        if (node == null || node.isNull()) {
            return current;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw ApiException.badRequest("toxicity must be a number from 0 to 1 (the share of connections affected), was " + node);
        }
        return node.asDouble();
    }

    static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw ApiException.badRequest("bad request body: expected " + what + " as a JSON object, got " + node.getNodeType());
        }
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

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("field '" + field + "' must be true or false, was " + node);
        }
        return node.asBoolean();
    }
}
