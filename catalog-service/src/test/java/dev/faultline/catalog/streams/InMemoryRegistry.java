package dev.faultline.catalog.streams;

import dev.faultline.schemas.registry.RegisteredSchema;
import dev.faultline.schemas.registry.RegistryException;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry test double for TopologyTestDriver tests (ids shared by identical schemas, versions per subject). */
public final class InMemoryRegistry implements SchemaRegistryClient {

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema.toString(), text -> {
            int next = 1 + ids.size();
            schemas.put(next, schema);
            return next;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookUp(String subject, Schema schema) {
        Integer id = ids.get(schema.toString());
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        if (id == null || !versions.contains(id)) {
            throw new RegistryException("schema not found under " + subject, 404, RegistryException.SCHEMA_NOT_FOUND, null);
        }
        return new RegisteredSchema(subject, versions.indexOf(id) + 1, id, schemas.get(id));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new RegistryException("schema " + id + " not found", 404, RegistryException.SCHEMA_NOT_FOUND, null);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryException("subject " + subject + " not found", 404, RegistryException.SUBJECT_NOT_FOUND, null);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemas.get(id));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return true;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }
}
