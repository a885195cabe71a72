package dev.faultline.cli.targets;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * faultline.targets, the compacted topic of declared targets (key {@code ENVIRONMENT/service}, the CLI its one
 * writer): reads what is declared now, and applies a file's declarations — each service declared again, and each
 * service the same file (its {@code source}) declared before but no longer names declared {@code removed}. A file
 * owns what it declares: teams describe their systems in files of their own (deploy/targets/demo.yaml,
 * deploy/targets/shipping.yaml), and applying one never takes away another's services.
 */
public final class TargetsTopic {

    /** What applying a file changed: services declared, and services removed. */
    public record Applied(List<String> declared, List<String> removed) {
    }

    private final CliTopic<TargetDeclared> topic;

    public TargetsTopic(KafkaEndpoint kafka) {
        this.topic = new CliTopic<>(Topics.TARGETS, TargetDeclared.class, kafka);
    }

    public static String keyOf(Environment environment, String service) {
        return environment.name() + "/" + service;
    }

    /** The latest declaration of every target on the topic (removed ones included), by key. */
    public Map<String, TargetDeclared> current() {
        return topic.current();
    }

    /**
     * Publishes {@code declarations} (acks=all, idempotent) and the removals they imply: the services last declared
     * from the same source that the declarations no longer name.
     */
    public Applied apply(List<TargetDeclared> declarations, Clock clock) {
        Map<String, TargetDeclared> before = current();
        Set<String> sources = declarations.stream().map(TargetDeclared::getSource).collect(Collectors.toSet());
        Set<String> keys = declarations.stream().map(d -> keyOf(d.getEnvironment(), d.getService()))
                .collect(Collectors.toSet());
        List<TargetDeclared> removals = before.entrySet().stream()
                .filter(e -> !e.getValue().getRemoved() && sources.contains(e.getValue().getSource())
                        && !keys.contains(e.getKey()))
                .map(e -> removal(e.getValue(), declarations.get(0).getHeader(), clock)).toList();
        Map<String, TargetDeclared> all = new LinkedHashMap<>();
        declarations.forEach(d -> all.put(keyOf(d.getEnvironment(), d.getService()), d));
        removals.forEach(d -> all.put(keyOf(d.getEnvironment(), d.getService()), d));
        topic.publish(all, "faultline-cli-targets");
        return new Applied(declarations.stream().map(d -> keyOf(d.getEnvironment(), d.getService())).toList(),
                removals.stream().map(d -> keyOf(d.getEnvironment(), d.getService())).toList());
    }

    private static TargetDeclared removal(TargetDeclared last, EventHeader like, Clock clock) {
        return TargetDeclared.newBuilder(last).setRemoved(true).setHeader(EventHeader.newBuilder(like)
                .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).build()).build();
    }
}
