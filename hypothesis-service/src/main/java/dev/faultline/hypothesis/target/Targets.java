package dev.faultline.hypothesis.target;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services Faultline may draft experiments on: those declared per environment on faultline.targets (by
 * {@code faultline targets apply}), and those configured under {@code faultline.targets.<name>}, which stand for
 * every environment where nothing is declared. A declaration wins over the configuration; a removed one is gone.
 */
public final class Targets {

    private final Map<String, Target> configured = new ConcurrentHashMap<>();
    private final Map<Environment, Map<String, Target>> declared = new ConcurrentHashMap<>();

    public Targets(List<Target> configured) {
        configured.forEach(t -> this.configured.put(t.name(), t));
    }

    /** The target {@code service} in {@code environment}: declared there, else configured. */
    public Optional<Target> find(Environment environment, String service) {
        Target there = environment == null ? null : declared.getOrDefault(environment, Map.of()).get(service);
        return there != null ? Optional.of(there) : Optional.ofNullable(configured.get(service));
    }

    /** Applies one declaration (the latest per environment and service wins; a removal takes the service away). */
    public void declare(TargetDeclared declaration) {
        Map<String, Target> services = declared.computeIfAbsent(declaration.getEnvironment(),
                e -> new ConcurrentHashMap<>());
        if (declaration.getRemoved()) {
            services.remove(declaration.getService());
        } else {
            services.put(declaration.getService(), Target.of(declaration));
        }
    }

    /** Every service known in {@code environment}, for messages. */
    public List<String> names(Environment environment) {
        TreeSet<String> names = new TreeSet<>(configured.keySet());
        if (environment != null) {
            names.addAll(declared.getOrDefault(environment, Map.of()).keySet());
        }
        return List.copyOf(names);
    }
}
