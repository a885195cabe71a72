package dev.faultline.injector.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetObservability;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proxy routes as declared per environment and service, the configuration standing in where nothing is declared. */
class ProxyRoutesTest {

    private final ProxyRoutes routes = new ProxyRoutes(SettingsBinding.bind(InjectorSettings.class,
            Map.of("faultline.injector.proxies.pricing", "pricing-configured")));

    private static TargetDeclared storefront(Environment environment, boolean removed) {
        return TargetDeclared.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("")
                        .setOccurredAt(Instant.now()).setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("alice")
                                .build()).setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setEnvironment(environment).setService("storefront").setRemoved(removed).setServiceType("http-storefront")
                .setOwners(List.of()).setOnCall(null).setBaseUrl("http://shop:8080").setEndpoints(List.of())
                .setDependencies(List.of(TargetDependency.newBuilder().setName("pricing").setProtocol(DependencyProtocol.HTTP)
                        .setProxy("pricing-" + environment.name().toLowerCase(Locale.ROOT)).setHttpProxy("pricing-http").setTopic(null)
                        .build()))
                .setHosts(List.of()).setObservability(TargetObservability.newBuilder().setMetricsUrl(null)
                        .setPrometheusUrl(null).setLogFile(null).setPropagatesTraceContext(false).build())
                .setSource("targets.yaml").build();
    }

    @Test
    void shouldRouteThroughTheProxiesTheTargetDeclaresInItsEnvironment() {
        routes.declare(storefront(Environment.STAGING, false));

        assertThat(routes.l4(Environment.STAGING, "storefront", "pricing")).contains("pricing-staging");
        assertThat(routes.http(Environment.STAGING, "storefront", "pricing")).contains("pricing-http");
        assertThat(routes.l4(Environment.PRODUCTION, "storefront", "pricing")).as("configured").contains("pricing-configured");
        assertThat(routes.l4(Environment.STAGING, "storefront", "inventory")).isEmpty();
        assertThat(routes.l4Anywhere("pricing")).contains("pricing-staging");
    }

    @Test
    void shouldFallBackToTheConfigurationOnceTheTargetIsRemoved() {
        routes.declare(storefront(Environment.STAGING, false));
        routes.declare(storefront(Environment.STAGING, true));

        assertThat(routes.l4(Environment.STAGING, "storefront", "pricing")).contains("pricing-configured");
        assertThat(routes.http(Environment.STAGING, "storefront", "pricing")).isEmpty();
    }
}
