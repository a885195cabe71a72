package dev.faultline.devstack.registry;

import java.util.List;
import java.util.Map;

/** {@code /schemas}: schemas by global id, the subject versions using an id, and schema types. */
final class SchemaRoutes {

    private final SchemaQueries queries;

    SchemaRoutes(SchemaQueries queries) {
        this.queries = queries;
    }

    void addTo(Router router) {
        router.add("GET", "/schemas/types", r -> ApiResponse.ok(List.of(AvroSchemaParser.AVRO)))
                .add("GET", "/schemas", r -> ApiResponse.ok(queries.schemas(r.query("subjectPrefix").orElse(""),
                        r.flag("deleted"), r.flag("latestOnly")).stream().map(JsonViews::version).toList()))
                .add("GET", "/schemas/ids/{id}", r -> {
                    Map<String, Object> json = JsonViews.schemaString(queries.byId(id(r)));
                    if (r.flag("fetchMaxId")) {
                        json.put("maxId", queries.maxId());
                    }
                    return ApiResponse.ok(json);
                })
                .add("GET", "/schemas/ids/{id}/schema", r -> ApiResponse.raw(queries.byId(id(r)).schema()))
                .add("GET", "/schemas/ids/{id}/subjects", r -> ApiResponse.ok(queries.subjectsOfId(id(r), r.flag("deleted"))))
                .add("GET", "/schemas/ids/{id}/versions", r -> ApiResponse.ok(queries.versionsOfId(id(r), r.flag("deleted"))));
    }

    /** A non-numeric id does not match Confluent's route: Jersey answers a plain 404. */
    private static int id(ApiRequest request) {
        try {
            return Integer.parseInt(request.path("id"));
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 404, "HTTP 404 Not Found");
        }
    }
}
