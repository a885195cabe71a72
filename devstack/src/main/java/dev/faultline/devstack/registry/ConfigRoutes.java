package dev.faultline.devstack.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * {@code /config} (global and per-subject compatibility), {@code /mode} (READWRITE only: this
 * registry does not implement READONLY or IMPORT) and the root resource.
 */
final class ConfigRoutes {

    private static final String READWRITE = "READWRITE";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigUpdate(String compatibility) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModeUpdate(String mode) {
    }

    private final RegistryConfigs configs;

    ConfigRoutes(RegistryConfigs configs) {
        this.configs = configs;
    }

    void addTo(Router router) {
        router.add("GET", "/", r -> ApiResponse.ok(Map.of()))
                .add("GET", "/config", r -> level(configs.global()))
                .add("PUT", "/config", r -> update(null, r))
                .add("DELETE", "/config", r -> level(configs.resetGlobal()))
                .add("GET", "/config/{subject}", r -> level(configs.subject(r.path("subject"), r.flag("defaultToGlobal"))))
                .add("PUT", "/config/{subject}", r -> update(r.path("subject"), r))
                .add("DELETE", "/config/{subject}", r -> level(configs.deleteSubject(r.path("subject"))))
                .add("GET", "/mode", r -> ApiResponse.ok(Map.of("mode", READWRITE)))
                .add("PUT", "/mode", ConfigRoutes::updateMode)
                .add("GET", "/mode/{subject}", r -> {
                    if (!r.flag("defaultToGlobal")) {
                        throw RegistryErrors.modeNotConfigured(r.path("subject"));
                    }
                    return ApiResponse.ok(Map.of("mode", READWRITE));
                })
                .add("PUT", "/mode/{subject}", ConfigRoutes::updateMode);
    }

    private ApiResponse update(String subject, ApiRequest request) {
        String requested = request.body(ConfigUpdate.class).compatibility();
        configs.set(subject, requested);
        return ApiResponse.ok(Map.of("compatibility", requested));
    }

    private static ApiResponse level(CompatibilityLevel level) {
        return ApiResponse.ok(Map.of("compatibilityLevel", level.name()));
    }

    private static ApiResponse updateMode(ApiRequest request) {
        String mode = request.body(ModeUpdate.class).mode();
        if (READWRITE.equals(mode)) {
            return ApiResponse.ok(Map.of("mode", READWRITE));
        }
        if ("READONLY".equals(mode) || "READONLY_OVERRIDE".equals(mode) || "IMPORT".equals(mode)) {
            throw RegistryErrors.operationNotPermitted("Mode " + mode
                    + " is not supported: the devstack registry runs in READWRITE mode only");
        }
        throw RegistryErrors.invalidMode();
    }
}
