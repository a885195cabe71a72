package dev.faultline.devstack.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The registry's state as rebuilt from its log: subjects and their versions, configs and the
 * highest id ever handed out. Only the store thread mutates it; HTTP threads read it.
 */
final class RegistryState {

    private final Map<String, TreeMap<Integer, RegisteredSchema>> subjects = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized void putSchema(RegisteredSchema schema) {
        subjects.computeIfAbsent(schema.subject(), s -> new TreeMap<>()).put(schema.version(), schema);
        maxId = Math.max(maxId, schema.id());
    }

    synchronized void removeSchema(String subject, int version) {
        TreeMap<Integer, RegisteredSchema> versions = subjects.get(subject);
        if (versions != null) {
            versions.remove(version);
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
        }
    }

    synchronized void putLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    synchronized void raiseMaxId(int id) {
        maxId = Math.max(maxId, id);
    }

    synchronized int maxId() {
        return maxId;
    }

    /** Versions of a subject in ascending order; soft-deleted ones only when asked. */
    synchronized List<RegisteredSchema> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, RegisteredSchema> versions = subjects.getOrDefault(subject, new TreeMap<>());
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    synchronized boolean hasSubject(String subject, boolean includeDeleted) {
        return !versions(subject, includeDeleted).isEmpty();
    }

    /** One version, or the latest for {@link VersionId#LATEST}. */
    synchronized Optional<RegisteredSchema> version(String subject, int version, boolean includeDeleted) {
        List<RegisteredSchema> versions = versions(subject, includeDeleted);
        if (version == VersionId.LATEST) {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    synchronized List<String> subjects(boolean includeDeleted, boolean deletedOnly) {
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> {
            boolean live = versions.values().stream().anyMatch(v -> !v.deleted());
            if (deletedOnly ? !live : (live || includeDeleted)) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /** Every stored version carrying this id, ordered by subject then version. */
    synchronized List<RegisteredSchema> withId(int id, boolean includeDeleted) {
        return all().filter(v -> v.id() == id && (includeDeleted || !v.deleted())).toList();
    }

    /** The id already given to this schema under any subject, as Confluent reuses ids. */
    synchronized Optional<Integer> idOf(String type, String canonical, List<SchemaReference> refs) {
        return all().filter(v -> v.sameSchemaAs(type, canonical, refs)).map(RegisteredSchema::id).findFirst();
    }

    /** Ids of live schemas whose references point at this subject version. */
    synchronized List<Integer> referencedBy(String subject, int version) {
        return all().filter(v -> !v.deleted())
                .filter(v -> v.references().stream().anyMatch(r -> r.subject().equals(subject) && r.version() == version))
                .map(RegisteredSchema::id).distinct().sorted().toList();
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel == null ? CompatibilityLevel.DEFAULT : globalLevel;
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElse(globalLevel());
    }

    /** Live versions, newest first, optionally filtered by subject prefix. */
    synchronized List<RegisteredSchema> latestOrAll(String prefix, boolean includeDeleted, boolean latestOnly) {
        List<RegisteredSchema> out = new ArrayList<>();
        new TreeMap<>(subjects).forEach((name, versions) -> {
            if (!name.startsWith(prefix)) {
                return;
            }
            List<RegisteredSchema> matching = versions.values().stream()
                    .filter(v -> includeDeleted || !v.deleted()).toList();
            if (latestOnly && !matching.isEmpty()) {
                out.add(matching.get(matching.size() - 1));
            } else if (!latestOnly) {
                out.addAll(matching);
            }
        });
        return out;
    }

    private Stream<RegisteredSchema> all() {
        return subjects.values().stream().flatMap(v -> v.values().stream())
                .sorted(Comparator.comparing(RegisteredSchema::subject).thenComparing(RegisteredSchema::version));
    }
}
