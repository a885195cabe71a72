package dev.faultline.devstack.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read side of the API: subjects, versions and schemas by id, with Confluent's 404s. */
final class SchemaQueries {

    private final RegistryState state;

    SchemaQueries(RegistryState state) {
        this.state = state;
    }

    List<String> subjects(String prefix, boolean deleted, boolean deletedOnly) {
        return state.subjects(deleted, deletedOnly).stream().filter(s -> s.startsWith(prefix)).toList();
    }

    List<Integer> versions(String subject, boolean deleted, boolean deletedOnly) {
        if (!state.hasSubject(subject, deleted || deletedOnly)) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        return state.versions(subject, deleted || deletedOnly).stream()
                .filter(v -> !deletedOnly || v.deleted())
                .map(RegisteredSchema::version).toList();
    }

    RegisteredSchema version(String subject, String versionText, boolean deleted) {
        VersionId version = VersionId.parse(versionText);
        return state.version(subject, version.value(), deleted).orElseThrow(() -> state.hasSubject(subject, deleted)
                ? RegistryErrors.versionNotFound(version.value()) : RegistryErrors.subjectNotFound(subject));
    }

    List<Integer> referencedBy(String subject, String versionText) {
        RegisteredSchema version = version(subject, versionText, true);
        return state.referencedBy(version.subject(), version.version());
    }

    /** The schema behind an id; soft-deleted versions keep their id readable, as in Confluent. */
    RegisteredSchema byId(int id) {
        return state.withId(id, true).stream().findFirst().orElseThrow(() -> RegistryErrors.schemaNotFound(id));
    }

    List<String> subjectsOfId(int id, boolean deleted) {
        byId(id);
        return state.withId(id, deleted).stream().map(RegisteredSchema::subject).distinct().toList();
    }

    List<Map<String, Object>> versionsOfId(int id, boolean deleted) {
        byId(id);
        return state.withId(id, deleted).stream()
                .map(v -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("subject", v.subject());
                    json.put("version", v.version());
                    return json;
                }).toList();
    }

    List<RegisteredSchema> schemas(String prefix, boolean deleted, boolean latestOnly) {
        return state.latestOrAll(prefix, deleted, latestOnly);
    }

    int maxId() {
        return state.maxId();
    }
}
