package dev.faultline.agent;

import dev.faultline.agent.api.ApiRequest;
import dev.faultline.agent.api.ApiResponse;
import dev.faultline.agent.api.ApiRoutes;
import dev.faultline.agent.api.Json;
import dev.faultline.agent.fault.HostFaults;
import dev.faultline.agent.host.StateJournal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /health} (the one endpoint without a token): up, its pid, faults in force, what it recovered at start. */
final class HealthRoutes implements ApiRoutes {

    private final HostFaults faults;
    private final StateJournal.Recovery recovery;
    private final long pid;

    HealthRoutes(HostFaults faults, StateJournal.Recovery recovery, long pid) {
        this.faults = faults;
        this.recovery = recovery;
        this.pid = pid;
    }

    @Override
    public Optional<ApiResponse> handle(ApiRequest request) {
        if (!request.path().equals("/health")) {
            return Optional.empty();
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("pid", pid);
        health.put("faults", faults.count());
        health.put("kinds", faults.kinds());
        health.put("recovered", recovery);
        return Optional.of(Json.ok(health));
    }
}
