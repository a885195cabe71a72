package dev.faultline.devstack.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /compatibility/subjects/{subject}/versions[/{version}]}, with {@code verbose} messages. */
final class CompatibilityRoutes {

    private final SchemaRegistry registry;

    CompatibilityRoutes(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.add("POST", "/compatibility/subjects/{subject}/versions", r -> answer(r,
                        registry.testCompatibility(r.path("subject"), null, r.body(SchemaRequest.class))))
                .add("POST", "/compatibility/subjects/{subject}/versions/{version}", r -> answer(r,
                        registry.testCompatibility(r.path("subject"), r.path("version"), r.body(SchemaRequest.class))));
    }

    private static ApiResponse answer(ApiRequest request, List<String> messages) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_compatible", messages.isEmpty());
        if (request.flag("verbose") && !messages.isEmpty()) {
            json.put("messages", messages);
        }
        return ApiResponse.ok(json);
    }
}
