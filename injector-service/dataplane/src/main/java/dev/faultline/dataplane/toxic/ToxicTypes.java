package dev.faultline.dataplane.toxic;

import dev.faultline.dataplane.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of toxic kinds by Toxiproxy type name. A new fault is one record implementing
 * {@link Toxic} plus one {@link #register} line in {@link #builtIn()}.
 */
public final class ToxicTypes {

    private final Map<String, ToxicType<?>> byName = new LinkedHashMap<>();

    /** The seven Toxiproxy toxics, with Toxiproxy's names and defaults. */
    public static ToxicTypes builtIn() {
        return new ToxicTypes()
                .register(new ToxicType<>("latency", LatencyToxic.class, new LatencyToxic(0, 0)))
                .register(new ToxicType<>("bandwidth", BandwidthToxic.class, new BandwidthToxic(0)))
                .register(new ToxicType<>("timeout", TimeoutToxic.class, new TimeoutToxic(0)))
                .register(new ToxicType<>("reset_peer", ResetPeerToxic.class, new ResetPeerToxic(0)))
                .register(new ToxicType<>("limit_data", LimitDataToxic.class, new LimitDataToxic(0)))
                .register(new ToxicType<>("slicer", SlicerToxic.class, new SlicerToxic(1, 0, 0)))
                .register(new ToxicType<>("slow_close", SlowCloseToxic.class, new SlowCloseToxic(0)));
    }

    public ToxicTypes register(ToxicType<?> type) {
        if (byName.putIfAbsent(type.name(), type) != null) {
            throw new IllegalStateException("toxic type " + type.name() + " registered twice");
        }
        return this;
    }

    /** The type called {@code name}; a 400 listing the known types otherwise. */
    public ToxicType<?> get(String name) {
        ToxicType<?> type = name == null ? null : byName.get(name);
        if (type == null) {
            throw ApiException.badRequest("invalid toxic type '" + name + "'; known types: " + String.join(", ", byName.keySet()));
        }
        return type;
    }

    /** The type of an attribute record (for rendering). */
    public ToxicType<?> typeOf(Toxic toxic) {
        return byName.values().stream().filter(t -> t.attributeClass().isInstance(toxic)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unregistered toxic " + toxic.getClass()));
    }
}
