package dev.faultline.schemas.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches a {@link SchemaRegistryClient}'s answers: schemas by id and ids by (subject, schema) forever, since the
 * registry never changes them; the latest version of a subject for {@code latestTtl} (null = forever, as
 * Confluent's client does by default). Errors are never cached.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Timed(RegisteredSchema value, Instant fetchedAt) {
    }

    private final SchemaRegistryClient delegate;
    private final Duration latestTtl;
    private final Clock clock;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookedUp = new ConcurrentHashMap<>();
    private final Map<String, Timed> latestBySubject = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl) {
        this(delegate, latestTtl, Clock.systemUTC());
    }

    CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, Clock clock) {
        this.delegate = delegate;
        this.latestTtl = latestTtl;
        this.clock = clock;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer known = registeredIds.get(key);
        if (known != null) {
            return known;
        }
        int id = delegate.register(subject, schema);
        registeredIds.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookUp(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema known = lookedUp.get(key);
        if (known != null) {
            return known;
        }
        RegisteredSchema found = delegate.lookUp(subject, schema);
        lookedUp.put(key, found);
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public Schema schemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        Schema fetched = delegate.schemaById(id);
        schemasById.putIfAbsent(id, fetched);
        return fetched;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        Timed known = latestBySubject.get(subject);
        Instant now = clock.instant();
        if (known != null && (latestTtl == null || known.fetchedAt().plus(latestTtl).isAfter(now))) {
            return known.value();
        }
        RegisteredSchema fetched = delegate.latest(subject);
        latestBySubject.put(subject, new Timed(fetched, now));
        schemasById.putIfAbsent(fetched.id(), fetched.schema());
        return fetched;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return delegate.isCompatible(subject, schema);
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
