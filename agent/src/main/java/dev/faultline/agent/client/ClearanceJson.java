package dev.faultline.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.clearance.ClearanceClaims;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A clearance as {@code POST /faults} carries it in its {@code clearance} field, written by the client and read by
 * the agent: {@code {experimentId, clearanceId, hypothesisRevision, environment, issuedAt, expiresAt, keyId,
 * signature}}, times as ISO-8601 instants (exact to the millisecond the signature covers).
 */
public final class ClearanceJson {

    /** The fields of a clearance object, as messages name them. */
    public static final String FIELDS = "experimentId, clearanceId, hypothesisRevision, environment, issuedAt, expiresAt, keyId,"
            + " signature";

    private ClearanceJson() {
    }

    public static Map<String, Object> write(ClearanceClaims claims) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experimentId", claims.experimentId());
        json.put("clearanceId", claims.clearanceId());
        json.put("hypothesisRevision", claims.hypothesisRevision());
        json.put("environment", claims.environment());
        json.put("issuedAt", claims.issuedAt().toString());
        json.put("expiresAt", claims.expiresAt().toString());
        json.put("keyId", claims.keyId());
        json.put("signature", claims.signature());
        return json;
    }

    /** The clearance in {@code json}; an {@link IllegalArgumentException} naming what is missing or malformed. */
    public static ClearanceClaims read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("'clearance' must be an object {" + FIELDS + "}, was "
                    + (json == null ? "missing" : json.toString()));
        }
        JsonNode revision = json.get("hypothesisRevision");
        if (revision == null || !revision.isInt()) {
            throw new IllegalArgumentException("'clearance.hypothesisRevision' must be a whole number, was "
                    + (revision == null ? "missing" : revision.toString()));
        }
        return new ClearanceClaims(text(json, "experimentId", true), text(json, "clearanceId", true), revision.asInt(),
                text(json, "environment", true), instant(json, "issuedAt"), instant(json, "expiresAt"),
                text(json, "keyId", false), text(json, "signature", false));
    }

    private static String text(JsonNode json, String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("'clearance." + field + "' is missing; a clearance has " + FIELDS);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'clearance." + field + "' must be a string, was " + value);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        String text = text(json, field, true);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'clearance." + field + "' must be an ISO-8601 instant such as"
                    + " 2026-11-26T10:00:00Z, was '" + text + "'");
        }
    }
}
