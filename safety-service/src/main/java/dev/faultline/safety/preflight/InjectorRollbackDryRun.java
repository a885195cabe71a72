package dev.faultline.safety.preflight;

import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.kit.tracing.HttpClientSpans.ClientSpan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.schemas.avro.PreflightCheckKind;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ROLLBACK_READY through injector-service: {@code POST <injector-url>/rollback-dry-run {dependency}} must answer 200
 * with {@code verified: true} (the injector created a harmless leased fault on the dependency's proxy, removed it
 * and saw it gone). Anything else, or no answer, fails the check with what the injector said.
 */
@Singleton
public class InjectorRollbackDryRun implements RollbackDryRun {

    private static final PreflightCheckKind KIND = PreflightCheckKind.ROLLBACK_READY;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String injectorUrl;
    private final JsonMapper json;
    private final HttpClientSpans spans;

    public InjectorRollbackDryRun(ServiceUrls urls, JsonMapper json, HttpClientSpans spans) {
        this.spans = spans;
        this.injectorUrl = urls.injectorUrl();
        this.json = json;
    }

    @Override
    public CheckResult check(Plan plan) throws InterruptedException {
        String dependency = plan.dependency() != null ? plan.dependency() : plan.service();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dependency", dependency);
        details.put("injector", injectorUrl);
        try {
            byte[] body = json.writeValueAsBytes(Map.of("dependency", dependency));
            URI uri = URI.create(injectorUrl + "/rollback-dry-run");
            ClientSpan span = spans.start("POST", uri);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            span.headers().forEach(builder::header);
            HttpResponse<byte[]> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                span.end(response.statusCode(), null);
            } catch (IOException | RuntimeException e) {
                span.end(null, e);
                throw e;
            }
            details.put("status", Integer.toString(response.statusCode()));
            Map<String, Object> answer = response.body().length == 0 ? Map.of()
                    : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            String detail = String.valueOf(answer.getOrDefault("detail", answer.getOrDefault("error", "")));
            details.put("detail", detail);
            if (response.statusCode() == 200 && Boolean.TRUE.equals(answer.get("verified"))) {
                return CheckResult.passed(KIND, "the stop action on " + dependency + " was rehearsed and verified: "
                        + detail, details);
            }
            return CheckResult.failed(KIND, "the rollback dry run on " + dependency + " was not verified (HTTP "
                    + response.statusCode() + "): " + detail, details);
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.failed(KIND, "injector-service at " + injectorUrl + " did not answer the rollback dry run: "
                    + e, details);
        }
    }
}
