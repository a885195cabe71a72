package dev.faultline.safety.preflight;

import dev.faultline.kit.security.ServiceToken;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.kit.tracing.HttpClientSpans.ClientSpan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.schemas.avro.FaultTarget;
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
 * ROLLBACK_READY through injector-service: {@code POST <injector-url>/rollback-dry-run} with the plan's fault
 * ({@code environment, service, faultType, dependency, host, topic, parameters}) must answer 200 with
 * {@code verified: true}: the injector planned the fault as a run would, created a harmless fault of the same kind
 * in the same place (a toxic on the L4 proxy, a rule on the L7 proxy, a harmless fault on the host's agent...),
 * removed it and saw it gone. Anything else, or no answer, fails the check with what the injector said. The request
 * carries safety-service's own token ({@link ServiceToken}: the injector's endpoint needs the role {@code service}).
 */
@Singleton
public class InjectorRollbackDryRun implements RollbackDryRun {

    private static final PreflightCheckKind KIND = PreflightCheckKind.ROLLBACK_READY;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String injectorUrl;
    private final JsonMapper json;
    private final HttpClientSpans spans;
    private final ServiceToken token;

    public InjectorRollbackDryRun(ServiceUrls urls, JsonMapper json, HttpClientSpans spans, ServiceToken token) {
        this.spans = spans;
        this.token = token;
        this.injectorUrl = urls.injectorUrl();
        this.json = json;
    }

    @Override
    public CheckResult check(Plan plan) throws InterruptedException {
        FaultTarget target = plan.fault().getTarget();
        String dependency = plan.dependency() != null ? plan.dependency() : plan.service();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dependency", dependency);
        details.put("faultType", plan.fault().getFaultType().name());
        details.put("injector", injectorUrl);
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("environment", plan.environment().name());
            request.put("service", plan.service());
            request.put("faultType", plan.fault().getFaultType().name());
            request.put("dependency", target.getDependency());
            request.put("host", target.getHost());
            request.put("topic", target.getTopic());
            request.put("parameters", plan.fault().getParameters());
            byte[] body = json.writeValueAsBytes(request);
            URI uri = URI.create(injectorUrl + "/rollback-dry-run");
            String authorization = token.authorization(); // before the span: fetching it is not the injector's time
            ClientSpan span = spans.start("POST", uri);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").header("authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
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
            Object where = answer.get("where");
            if (where != null) {
                details.put("where", String.valueOf(where));
            }
            if (response.statusCode() == 200 && Boolean.TRUE.equals(answer.get("verified"))) {
                return CheckResult.passed(KIND, "the stop action of " + plan.fault().getFaultType() + " on " + where
                        + " was rehearsed and verified: " + detail, details);
            }
            return CheckResult.failed(KIND, "the rollback dry run of " + plan.fault().getFaultType() + " on " + dependency
                    + " was not verified (HTTP "
                    + response.statusCode() + "): " + detail, details);
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.failed(KIND, "injector-service at " + injectorUrl + " did not answer the rollback dry run: "
                    + e, details);
        }
    }
}
