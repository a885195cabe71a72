package dev.faultline.hypothesis.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetEndpoint;
import dev.faultline.schemas.avro.TargetObservability;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Declared targets win over configured ones, per environment, and a removal takes a service away. */
public class TargetsTest {

    private final Target configured = new Target("storefront", "http-storefront", "http://127.0.0.1:18080",
            List.of("pricing"), "/health");
    private final Targets targets = new Targets(List.of(configured));

    public static TargetDeclared declared(Environment environment, String service, boolean removed) {
        return TargetDeclared.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("")
                        .setOccurredAt(Instant.now()).setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("alice")
                                .build()).setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setEnvironment(environment).setService(service).setRemoved(removed).setServiceType("http-storefront")
                .setOwners(List.of()).setOnCall(null).setBaseUrl("http://shop.staging:8080")
                .setEndpoints(List.of(TargetEndpoint.newBuilder().setName("orders").setMethod("POST").setPath("/orders")
                        .setBody(null).setHeaders(Map.of()).setSuccessStatuses(List.of()).build(),
                        TargetEndpoint.newBuilder().setName("reads").setMethod("GET").setPath("/products/1").setBody(null)
                                .setHeaders(Map.of()).setSuccessStatuses(List.of()).build()))
                .setDependencies(List.of(TargetDependency.newBuilder().setName("pricing")
                        .setProtocol(DependencyProtocol.HTTP).setProxy("pricing-staging").setHttpProxy(null).setTopic(null)
                        .build()))
                .setHosts(List.of())
                .setObservability(TargetObservability.newBuilder().setMetricsUrl("http://shop.staging:8080/metrics")
                        .setPrometheusUrl(null).setLogFile("/var/log/shop.log").setPropagatesTraceContext(true).build())
                .setSource("targets.yaml").build();
    }

    @Test
    void shouldPreferTheDeclarationOfTheEnvironmentAndFallBackToTheConfiguration() {
        targets.declare(declared(Environment.STAGING, "storefront", false));

        Target staging = targets.find(Environment.STAGING, "storefront").orElseThrow();
        assertThat(staging.baseUrl()).isEqualTo("http://shop.staging:8080");
        assertThat(staging.endpoint(Target.READ).orElseThrow().path()).as("the first GET endpoint").isEqualTo("/products/1");
        assertThat(staging.metrics()).contains("http://shop.staging:8080/metrics");
        assertThat(staging.log()).contains("/var/log/shop.log");
        assertThat(staging.dependsOn("pricing")).isTrue();
        assertThat(targets.find(Environment.PRODUCTION, "storefront")).contains(configured);
        assertThat(targets.find(Environment.STAGING, "billing")).isEmpty();
    }

    @Test
    void shouldForgetARemovedDeclaration() {
        targets.declare(declared(Environment.STAGING, "checkout", false));
        assertThat(targets.names(Environment.STAGING)).containsExactly("checkout", "storefront");

        targets.declare(declared(Environment.STAGING, "checkout", true));

        assertThat(targets.find(Environment.STAGING, "checkout")).isEmpty();
        assertThat(targets.names(Environment.STAGING)).containsExactly("storefront");
    }
}
