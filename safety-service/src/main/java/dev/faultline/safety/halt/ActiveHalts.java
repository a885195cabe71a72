package dev.faultline.safety.halt;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The halts requested and not yet lifted, as read from the control topic; NO_ACTIVE_HALT checks against them. */
public final class ActiveHalts {

    private final Map<UUID, Halt> active = new ConcurrentHashMap<>();

    public void requested(Halt halt) {
        active.put(halt.haltId(), halt);
    }

    public void lifted(UUID haltId) {
        active.remove(haltId);
    }

    public Optional<Halt> find(UUID haltId) {
        return Optional.ofNullable(active.get(haltId));
    }

    public List<Halt> all() {
        return List.copyOf(active.values());
    }

    public CheckResult check(String experimentId, Environment environment) {
        List<Halt> applying = active.values().stream().filter(h -> h.applies(experimentId, environment)).toList();
        if (applying.isEmpty()) {
            return CheckResult.passed(PreflightCheckKind.NO_ACTIVE_HALT, "no halt applies to " + experimentId + " in "
                    + environment, Map.of("activeHalts", Integer.toString(active.size())));
        }
        return CheckResult.failed(PreflightCheckKind.NO_ACTIVE_HALT, String.join("; ",
                applying.stream().map(Halt::describe).toList()),
                Map.of("haltIds", String.join(",", applying.stream().map(h -> h.haltId().toString()).toList())));
    }
}
