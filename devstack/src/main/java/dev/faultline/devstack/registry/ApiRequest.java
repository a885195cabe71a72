package dev.faultline.devstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP request reduced to what routes need: decoded path segments, query and JSON body. */
record ApiRequest(String method, List<String> segments, Map<String, String> pathParams,
                  Map<String, String> query, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ApiRequest of(String method, String rawPath, String rawQuery, byte[] body) {
        List<String> segments = Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            }
        }
        return new ApiRequest(method, segments, Map.of(), query, body);
    }

    ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, segments, params, query, body);
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A boolean query parameter as JAX-RS reads it: true only for "true", any case. */
    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The JSON body: 422 when absent, 400 when it is not JSON of the expected shape (rest-utils). */
    <T> T body(Class<T> type) {
        if (body == null || body.length == 0) {
            throw new RegistryException(422, 422, "Request body is required and must be a JSON object");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new RegistryException(422, 422, "Request body is required and must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegistryException(400, 400, e.getMessage());
        }
    }
}
