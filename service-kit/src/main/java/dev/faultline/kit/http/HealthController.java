package dev.faultline.kit.http;

import dev.faultline.kit.KafkaSettings;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** {@code GET /health}: 200 once the service's context (and so its event loops) has started; launchers wait on it. */
@Controller("/health")
public class HealthController {

    private final String service;

    public HealthController(KafkaSettings settings) {
        this.service = settings.serviceName();
    }

    @Get
    public Map<String, String> health() {
        return Map.of("status", "UP", "service", service);
    }
}
