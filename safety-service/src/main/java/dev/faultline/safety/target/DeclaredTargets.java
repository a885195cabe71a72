package dev.faultline.safety.target;

import dev.faultline.schemas.avro.Environment;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the targets topic declares about each service per environment that the time envelope needs: the services it
 * depends on (a deployment or an incident there matters too) and its on-call rotation. The latest declaration wins;
 * a removed one is forgotten.
 */
public final class DeclaredTargets {

    /** One service's declaration: its dependencies' names and its on-call rotation, or null. */
    public record Declared(Set<String> dependencies, String onCall) {

        public Declared {
            dependencies = Set.copyOf(dependencies);
        }
    }

    private final Map<String, Declared> declared = new ConcurrentHashMap<>();

    public void declared(Environment env, String service, Declared declaration) {
        declared.put(key(env, service), declaration);
    }

    public void removed(Environment env, String service) {
        declared.remove(key(env, service));
    }

    public Set<String> dependencies(Environment env, String service) {
        return find(env, service).map(Declared::dependencies).orElse(Set.of());
    }

    public Optional<String> rotation(Environment env, String service) {
        return find(env, service).map(Declared::onCall);
    }

    private Optional<Declared> find(Environment env, String service) {
        return Optional.ofNullable(declared.get(key(env, service)));
    }

    private static String key(Environment env, String service) {
        return env + "/" + service;
    }
}
