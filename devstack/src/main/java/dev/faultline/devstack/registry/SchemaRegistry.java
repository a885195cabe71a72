package dev.faultline.devstack.registry;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Registration, lookup and compatibility tests: the rules of Confluent's KafkaSchemaRegistry.
 * Writes are serialised by one lock (this process is the single writer of its topic), and each
 * returns after the store has applied it, so a read that follows a write sees it.
 */
final class SchemaRegistry {

    private final RegistryState state;
    private final RegistryLog log;
    private final AvroSchemaParser parser;
    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final ReentrantLock writeLock;

    SchemaRegistry(RegistryState state, RegistryLog log, ReentrantLock writeLock) {
        this.state = state;
        this.log = log;
        this.writeLock = writeLock;
        this.parser = new AvroSchemaParser(state);
    }

    /** Registers the schema under the subject and answers its global id. */
    int register(String subject, SchemaRequest request) {
        if (request.id() != null && request.id() >= 0) {
            throw RegistryErrors.operationNotPermitted("Overwrite new schema with id " + request.id()
                    + " is not permitted: the devstack registry runs in READWRITE mode only");
        }
        writeLock.lock();
        try {
            ParsedSchema parsed = parser.parse(request.schemaType(), request.schema(), request.references());
            List<RegisteredSchema> all = state.versions(subject, true);
            for (RegisteredSchema existing : all) {
                if (!existing.deleted() && existing.sameSchemaAs(parsed.schemaType(), parsed.canonical(), parsed.references())) {
                    return existing.id();
                }
            }
            List<String> problems = check(state.effectiveLevel(subject), parsed, state.versions(subject, false));
            if (!problems.isEmpty()) {
                throw RegistryErrors.incompatible(subject, problems);
            }
            int id = state.idOf(parsed.schemaType(), parsed.canonical(), parsed.references()).orElseGet(this::nextId);
            int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
            log.putSchema(new RegisteredSchema(subject, version, id, parsed.schemaType(), parsed.canonical(),
                    parsed.references(), false));
            return id;
        } finally {
            writeLock.unlock();
        }
    }

    /** The version of the subject holding this schema (POST /subjects/{subject}). */
    RegisteredSchema lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        if (!state.hasSubject(subject, includeDeleted)) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        ParsedSchema parsed = parser.parse(request.schemaType(), request.schema(), request.references());
        return state.versions(subject, includeDeleted).stream()
                .filter(v -> v.sameSchemaAs(parsed.schemaType(), parsed.canonical(), parsed.references()))
                .reduce((first, second) -> second)
                .orElseThrow(RegistryErrors::schemaNotFound);
    }

    /**
     * Tests a schema against one version ({@code versionText} non-null) or, as registration
     * would, against the subject's live versions. Answers the incompatibility messages.
     */
    List<String> testCompatibility(String subject, String versionText, SchemaRequest request) {
        List<RegisteredSchema> previous;
        if (versionText == null) {
            previous = state.versions(subject, false);
        } else {
            VersionId version = VersionId.parse(versionText);
            RegisteredSchema against = state.version(subject, version.value(), false).orElse(null);
            if (against == null && !version.isLatest()) {
                throw state.hasSubject(subject, false)
                        ? RegistryErrors.versionNotFound(version.value()) : RegistryErrors.subjectNotFound(subject);
            }
            previous = against == null ? List.of() : List.of(against);
        }
        ParsedSchema parsed = parser.parse(request.schemaType(), request.schema(), request.references());
        return check(state.effectiveLevel(subject), parsed, previous);
    }

    private List<String> check(CompatibilityLevel level, ParsedSchema candidate, List<RegisteredSchema> previous) {
        List<CompatibilityChecker.Previous> parsedPrevious = previous.stream()
                .map(v -> new CompatibilityChecker.Previous(v.version(),
                        parser.parse(v.schemaType(), v.schema(), v.references()).avro()))
                .toList();
        return checker.check(level, candidate.avro(), parsedPrevious);
    }

    private int nextId() {
        int id = state.maxId() + 1;
        log.putIdWatermark(id);
        return id;
    }
}
