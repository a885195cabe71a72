package dev.faultline.agent.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of fault kinds by name; the built-in ones are registered in {@code kind.BuiltInKinds}. */
public final class FaultKinds {

    private final Map<String, FaultKind<?>> byName = new LinkedHashMap<>();

    public FaultKinds register(FaultKind<?> kind) {
        if (byName.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("fault kind " + kind.name() + " registered twice");
        }
        return this;
    }

    /** The kind called {@code name}; refused, listing the known kinds, otherwise. */
    public FaultKind<?> get(String name) {
        FaultKind<?> kind = name == null ? null : byName.get(name);
        if (kind == null) {
            throw new FaultRefused.Invalid("unknown fault kind '" + name + "'; known kinds: " + String.join(", ", byName.keySet()));
        }
        return kind;
    }

    /** The kind whose attribute record {@code fault} is. */
    public FaultKind<?> kindOf(HostFault fault) {
        return byName.values().stream().filter(k -> k.attributeClass().isInstance(fault)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unregistered fault " + fault.getClass()));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
