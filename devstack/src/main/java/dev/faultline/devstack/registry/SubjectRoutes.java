package dev.faultline.devstack.registry;

import java.util.Map;

/** {@code /subjects}: list, register, look up, read and delete subject versions. */
final class SubjectRoutes {

    private final SchemaRegistry registry;
    private final SchemaQueries queries;
    private final SchemaDeletions deletions;

    SubjectRoutes(SchemaRegistry registry, SchemaQueries queries, SchemaDeletions deletions) {
        this.registry = registry;
        this.queries = queries;
        this.deletions = deletions;
    }

    void addTo(Router router) {
        router.add("GET", "/subjects", r -> ApiResponse.ok(
                        queries.subjects(r.query("subjectPrefix").orElse(""), r.flag("deleted"), r.flag("deletedOnly"))))
                .add("POST", "/subjects/{subject}", r -> ApiResponse.ok(JsonViews.version(
                        registry.lookup(r.path("subject"), r.body(SchemaRequest.class), r.flag("deleted")))))
                .add("DELETE", "/subjects/{subject}", r -> ApiResponse.ok(
                        deletions.deleteSubject(r.path("subject"), r.flag("permanent"))))
                .add("GET", "/subjects/{subject}/versions", r -> ApiResponse.ok(
                        queries.versions(r.path("subject"), r.flag("deleted"), r.flag("deletedOnly"))))
                .add("POST", "/subjects/{subject}/versions", r -> ApiResponse.ok(Map.of("id",
                        registry.register(r.path("subject"), r.body(SchemaRequest.class)))))
                .add("GET", "/subjects/{subject}/versions/{version}", r -> ApiResponse.ok(JsonViews.version(
                        queries.version(r.path("subject"), r.path("version"), r.flag("deleted")))))
                .add("DELETE", "/subjects/{subject}/versions/{version}", r -> ApiResponse.ok(
                        deletions.deleteVersion(r.path("subject"), r.path("version"), r.flag("permanent"))))
                .add("GET", "/subjects/{subject}/versions/{version}/schema", r -> ApiResponse.raw(
                        queries.version(r.path("subject"), r.path("version"), r.flag("deleted")).schema()))
                .add("GET", "/subjects/{subject}/versions/{version}/referencedby", r -> ApiResponse.ok(
                        queries.referencedBy(r.path("subject"), r.path("version"))));
    }
}
