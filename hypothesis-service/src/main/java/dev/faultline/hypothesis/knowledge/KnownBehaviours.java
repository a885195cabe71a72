package dev.faultline.hypothesis.knowledge;

import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the known-behaviour catalog knows, read from faultline.catalog (catalog-service's table, key service|faultType). */
public final class KnownBehaviours {

    private final Map<String, KnownBehaviourUpdated> byKey = new ConcurrentHashMap<>();

    public void update(KnownBehaviourUpdated entry) {
        byKey.put(key(entry.getService(), entry.getFaultType()), entry);
    }

    /** Every entry, as last updated. */
    public Collection<KnownBehaviourUpdated> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<KnownBehaviourUpdated> find(String service, FaultType faultType) {
        return Optional.ofNullable(byKey.get(key(service, faultType)));
    }

    private static String key(String service, FaultType faultType) {
        return service + "|" + faultType.name();
    }
}
