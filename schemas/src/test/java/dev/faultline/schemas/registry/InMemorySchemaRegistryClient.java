package dev.faultline.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A test double of the registry with Confluent's semantics (global ids shared by identical schemas, versions per
 * subject, 404 answers with error codes 40401/40403) that counts the calls it receives. Unit tests only: the
 * integration tests use the devstack's real registry.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.incrementAndGet();
        int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> {
            int next = 100 + idsBySchemaText.size();
            schemasById.put(next, new Schema.Parser().parse(text));
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookUp(String subject, Schema schema) {
        calls.incrementAndGet();
        List<Integer> versions = subjectVersions(subject);
        Integer id = idsBySchemaText.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw notFound(RegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return new RegisteredSchema(subject, versions.indexOf(id) + 1, id, schemasById.get(id));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls.incrementAndGet();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw notFound(RegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        calls.incrementAndGet();
        List<Integer> versions = subjectVersions(subject);
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return true;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    private List<Integer> subjectVersions(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound(RegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private static RegistryException notFound(int code, String message) {
        return new RegistryException("in-memory registry answered HTTP 404 (error_code " + code + "): " + message, 404, code, null);
    }
}
