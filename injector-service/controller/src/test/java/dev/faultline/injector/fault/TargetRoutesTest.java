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

/** Routes as declared per environment and service, the configuration standing in where nothing is declared. */
class TargetRoutesTest {

    private final TargetRoutes routes = new TargetRoutes(SettingsBinding.bind(InjectorSettings.class,
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

        Route staging = routes.routeOf(Environment.STAGING, "storefront");
        assertThat(staging.l4Proxy("pricing")).contains("pricing-staging");
        assertThat(staging.httpProxy("pricing")).contains("pricing-http");
        assertThat(staging.dependency("pricing")).hasValueSatisfying(d -> assertThat(d.getProtocol()).isEqualTo(DependencyProtocol.HTTP));
        assertThat(routes.routeOf(Environment.PRODUCTION, "storefront").l4Proxy("pricing")).as("configured").contains("pricing-configured");
        assertThat(staging.l4Proxy("inventory")).isEmpty();
    }

    @Test
    void shouldFallBackToTheConfigurationOnceTheTargetIsRemoved() {
        routes.declare(storefront(Environment.STAGING, false));
        routes.declare(storefront(Environment.STAGING, true));

        Route staging = routes.routeOf(Environment.STAGING, "storefront");
        assertThat(staging.l4Proxy("pricing")).contains("pricing-configured");
        assertThat(staging.httpProxy("pricing")).isEmpty();
    }
}
