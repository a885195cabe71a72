package dev.faultline.hypothesis.target;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured targets by service name. */
public final class Targets {

    private final Map<String, Target> byName = new TreeMap<>();

    public Targets(List<Target> targets) {
        targets.forEach(t -> byName.put(t.name(), t));
    }

    public Optional<Target> find(String service) {
        return Optional.ofNullable(byName.get(service));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
