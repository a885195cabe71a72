package dev.faultline.hypothesis.target;

import dev.faultline.declarations.targets.TargetsFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.Problem;
import dev.faultline.hypothesis.declared.DeclaredTopic;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies a targets file for the admin API ({@code faultline targets apply}): read and checked as {@link TargetsFile}
 * reads it — a file with any problem publishes nothing —, each service declared again on faultline.targets, and each
 * service the same file (its {@code source}) declared before but no longer names declared {@code removed}. A file
 * owns what it declares: teams describe their systems in files of their own, and applying one never takes away
 * another's services.
 */
public final class TargetDeclarations {

    /** What applying a file changed: the keys ({@code ENVIRONMENT/service}) declared, and those removed. */
    public record Applied(List<String> declared, List<String> removed) {
    }

    private final DeclaredTopic<TargetDeclared> topic;
    private final Clock clock;

    public TargetDeclarations(DeclaredTopic<TargetDeclared> topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
    }

    /**
     * Applies the targets file {@code text}, named {@code source}, on behalf of {@code person}. One apply at a time,
     * so that each sees what the previous one declared.
     *
     * @throws Invalid with every problem of the file, located; nothing is published then
     */
    public synchronized Applied apply(String text, String source, String person) throws Invalid {
        List<TargetDeclared> declarations = TargetsFile.read(text, source, person, clock);
        if (declarations.isEmpty()) {
            throw new Invalid(List.of(new Problem(1, 1, "environments", "declares no service; declare at least one")));
        }
        Set<String> keys = declarations.stream().map(TargetDeclarations::keyOf).collect(Collectors.toSet());
        EventHeader header = declarations.get(0).getHeader();
        List<TargetDeclared> removals = topic.current().entrySet().stream()
                .filter(e -> !e.getValue().getRemoved() && source.equals(e.getValue().getSource())
                        && !keys.contains(e.getKey()))
                .map(e -> removal(e.getValue(), header)).toList();
        Map<String, TargetDeclared> all = new LinkedHashMap<>();
        declarations.forEach(d -> all.put(keyOf(d), d));
        removals.forEach(d -> all.put(keyOf(d), d));
        topic.publish(all);
        return new Applied(declarations.stream().map(TargetDeclarations::keyOf).toList(),
                removals.stream().map(TargetDeclarations::keyOf).toList());
    }

    /** The targets declared now, removed ones left out. */
    public List<TargetDeclared> current() {
        return topic.current().values().stream().filter(d -> !d.getRemoved()).toList();
    }

    private TargetDeclared removal(TargetDeclared last, EventHeader like) {
        return TargetDeclared.newBuilder(last).setRemoved(true).setHeader(EventHeader.newBuilder(like)
                .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).build()).build();
    }

    private static String keyOf(TargetDeclared declaration) {
        return TargetsFile.keyOf(declaration.getEnvironment(), declaration.getService());
    }
}
