package dev.faultline.injector.fault;

import static dev.faultline.injector.Fixtures.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.injector.Fixtures;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetHost;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.TargetObservability;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How each FaultSpec becomes toxics or rules in its place, and what is refused with which reason. */
class FaultKindsTest {

    private final FakeDataPlane dataPlane = new FakeDataPlane("pricing-proxy", "pricing-http");
    private final FaultKinds kinds = new FaultKinds(FaultKinds.builtIn(dataPlane, FaultKindsTest::agent, Fixtures.OWN_KAFKA));
    private final Route route = new Route("storefront", null, d -> Optional.ofNullable(Map.of("pricing", "pricing-proxy").get(d)),
            d -> Optional.ofNullable(Map.of("pricing", "pricing-http").get(d)));
    private final Route withoutL7 = new Route("storefront", null, d -> Optional.of("pricing-proxy"), d -> Optional.empty());

    private List<FaultAction> toxics(FaultSpec spec, String prefix) {
        Fault fault = kinds.plan(spec, context(route, prefix));
        assertThat(fault.where()).isEqualTo("L4 proxy 'pricing-proxy'");
        return ((ProxyToxicKind.ToxicFault) fault).toxics();
    }

    private FaultAction rule(FaultSpec spec) {
        Fault fault = kinds.plan(spec, context(route, "x"));
        assertThat(fault.where()).isEqualTo("L7 proxy 'pricing-http'");
        return ((HttpRuleKind.RuleFault) fault).rule();
    }

    static AgentClient agent(String url) {
        return new AgentClient(URI.create(url), "faultline-test-agent-token");
    }

    private static Route onHosts(TargetHost... hosts) {
        return onHosts("storefront", name -> Optional.empty(), hosts);
    }

    private static Route onHosts(String service, java.util.function.Function<String, Optional<Route>> others, TargetHost... hosts) {
        TargetDeclared storefront = TargetDeclared.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("").setOccurredAt(Instant.now())
                        .setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("alice").build()).setCausationId(null)
                        .setTraceparent(null).setTracestate(null).build())
                .setEnvironment(Environment.STAGING).setService(service).setRemoved(false).setServiceType("http-storefront")
                .setOwners(List.of()).setOnCall(null).setBaseUrl("http://shop:8080").setEndpoints(List.of())
                .setDependencies(List.of()).setHosts(List.of(hosts))
                .setObservability(TargetObservability.newBuilder().setMetricsUrl(null).setPrometheusUrl(null).setLogFile(null)
                        .setPropagatesTraceContext(false).build())
                .setSource("targets.yaml").build();
        return new Route(service, storefront, d -> Optional.empty(), d -> Optional.empty(), others);
    }

    private static TargetHost host(String name, String agent, String process) {
        return TargetHost.newBuilder().setName(name).setAgentUrl(agent).setProcess(process).build();
    }

    private static FaultSpec onHost(FaultType type, String host, Map<String, String> parameters) {
        FaultSpec spec = fault(type, FaultDirection.BOTH, 1000, parameters);
        spec.getTarget().setKind(TargetKind.HOST);
        spec.getTarget().setDependency(null);
        spec.getTarget().setHost(host);
        return spec;
    }

    private static FaultContext context(Route route, String prefix) {
        return new FaultContext(route, prefix, new Lease("injector:" + prefix, Duration.ofSeconds(3)));
    }

    @Test
    void shouldMapBlackholeToAnUpstreamTimeoutToxic() {
        assertThat(toxics(fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 30000, Map.of()), "fl-1")).containsExactly(
                new FaultAction("fl-1-timeout-upstream", "timeout", "upstream", 1.0, Map.of("timeout", 0L)));
    }

    @Test
    void shouldMapBothDirectionsToTwoToxics() {
        List<FaultAction> toxics = toxics(fault(FaultType.NETWORK_LATENCY, FaultDirection.BOTH, 1000,
                Map.of("latencyMillis", "250", "jitterMillis", "20")), "fl-2");
        assertThat(toxics).extracting(FaultAction::stream).containsExactly("upstream", "downstream");
        assertThat(toxics).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo("latency");
            assertThat(a.attributes()).isEqualTo(Map.of("latency", 250L, "jitter", 20L));
        });
    }

    @Test
    void shouldMapEveryNetworkFault() {
        assertThat(type(FaultType.NETWORK_JITTER, Map.of("jitterMillis", "300"))).isEqualTo("latency");
        assertThat(type(FaultType.NETWORK_RESET, Map.of())).isEqualTo("reset_peer");
        assertThat(type(FaultType.NETWORK_BANDWIDTH, Map.of("rateKBps", "5"))).isEqualTo("bandwidth");
        assertThat(type(FaultType.CONNECTION_DROP, Map.of())).isEqualTo("limit_data");
        FaultAction drop = toxics(fault(FaultType.CONNECTION_DROP, FaultDirection.DOWNSTREAM, 1000, Map.of()), "x").get(0);
        assertThat(drop.attributes()).isEqualTo(Map.of("bytes", 0L));
        assertThat(drop.stream()).isEqualTo("downstream");
    }

    @Test
    void shouldKeepToxicityAsTheShareOfConnections() {
        FaultSpec spec = fault(FaultType.NETWORK_RESET, FaultDirection.UPSTREAM, 1000, Map.of());
        spec.setToxicity(0.3);
        assertThat(toxics(spec, "x").get(0).toxicity()).isEqualTo(0.3);
    }

    @Test
    void shouldMapHttpFaultsToL7RulesWhenAnHttpProxyIsConfigured() {
        FaultAction status = rule(fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 1000,
                Map.of("status", "503", "retryAfter", "5")));
        assertThat(status.type()).isEqualTo("respond");
        assertThat(status.attributes()).isEqualTo(Map.of("status", 503L, "headers", Map.of("Retry-After", "5")));
        assertThat(rule(fault(FaultType.HTTP_DELAY, FaultDirection.UPSTREAM, 1000, Map.of("latencyMillis", "700")))
                .attributes()).isEqualTo(Map.of("delay_ms", 700L, "jitter_ms", 0L));
        assertThat(rule(fault(FaultType.MALFORMED_BODY, FaultDirection.UPSTREAM, 1000, Map.of())).type()).isEqualTo("corrupt_body");
        FaultAction templateDefaults = rule(fault(FaultType.MALFORMED_BODY, FaultDirection.UPSTREAM, 1000,
                Map.of("flipEvery", "3", "body", "")));
        assertThat(templateDefaults.type()).as("a blank body is no body").isEqualTo("corrupt_body");
        assertThat(templateDefaults.attributes()).isEqualTo(Map.of("flip_every", 3L));
        assertThat(rule(fault(FaultType.MALFORMED_BODY, FaultDirection.UPSTREAM, 1000, Map.of("body", "{\"price\":")))
                .attributes()).isEqualTo(Map.of("body", "{\"price\":"));
    }

    @Test
    void shouldRefuseWhatItCannotApply() {
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 1000, Map.of()),
                context(withoutL7, "x"))).isInstanceOf(UnsupportedFaultException.class)
                .hasMessageContaining("needs an L7 (HTTP) proxy between storefront and 'pricing'")
                .hasMessageContaining("faultline.injector.http-proxies.pricing");
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.UNKNOWN, FaultDirection.UPSTREAM, 1000, Map.of()), context(route, "x")))
                .isInstanceOf(UnsupportedFaultException.class).hasMessageContaining("UNKNOWN is not supported")
                .hasMessageContaining("NETWORK_LATENCY");
        FaultSpec elsewhere = fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of());
        elsewhere.getTarget().setDependency("inventory");
        assertThatThrownBy(() -> kinds.plan(elsewhere, context(route, "x"))).hasMessageContaining("no data plane proxy is declared for dependency 'inventory' of storefront");
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.NETWORK_LATENCY, FaultDirection.UPSTREAM, 1000,
                Map.of("latencyMillis", "slow")), context(route, "x"))).hasMessageContaining("latencyMillis must be a whole number");
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UNKNOWN, 1000, Map.of()),
                context(route, "x")))
                .hasMessageContaining("direction UNKNOWN");
    }

    @Test
    void shouldRehearseOnTheL7ProxyWithAHarmlessRuleThatIsGoneAfterwards() {
        Fault fault = kinds.plan(fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 1000, Map.of()), context(route, "x"));

        assertThat(fault.rehearse()).contains("harmless rule").contains("pricing-http").contains("confirmed it is gone");
        assertThat(dataPlane.everCreated).singleElement().asString().startsWith("faultline-dry-run");
        assertThat(dataPlane.rules).isEmpty();
        assertThat(dataPlane.toxics).as("the L4 proxy is not touched").isEmpty();
    }

    @Test
    void shouldApplyAndRemoveARuleUnderTheLeaseAndVerifyItGone() {
        Fault fault = kinds.plan(fault(FaultType.HTTP_DELAY, FaultDirection.UPSTREAM, 1000, Map.of()), context(route, "fl-9"));
        fault.apply();
        assertThat(dataPlane.rules).containsEntry("fl-9-delay", "injector:fl-9");
        assertThat(fault.renew()).isTrue();

        assertThat(fault.remove()).isTrue();
        assertThat(dataPlane.rules).isEmpty();
        assertThat(fault.renew()).as("nothing left to renew").isFalse();
    }

    @Test
    void shouldFailTheRehearsalOfAProxyThatDoesNotExist() {
        Route missing = new Route("storefront", null, d -> Optional.of("elsewhere"), d -> Optional.of("elsewhere-http"));
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.NETWORK_RESET, FaultDirection.UPSTREAM, 1000, Map.of()),
                context(missing, "x")).rehearse()).isInstanceOf(FaultException.class).hasMessageContaining("'elsewhere' does not exist");
        assertThatThrownBy(() -> kinds.plan(fault(FaultType.HTTP_BODY, FaultDirection.UPSTREAM, 1000, Map.of()),
                context(missing, "x")).rehearse()).isInstanceOf(FaultException.class).hasMessageContaining("'elsewhere-http' does not exist");
    }

    @Test
    void shouldRefuseTwoKindsClaimingOneFaultType() {
        assertThatThrownBy(() -> new FaultKinds(List.of(new ProxyToxicKind(dataPlane), new ProxyToxicKind(dataPlane))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered by both");
    }

    @Test
    void shouldPlanHostFaultsOntoTheAgentsTheTargetDeclaresWithTheAgentsAttributes() {
        Route route = onHosts(host("shop-1", "http://shop-1:8479", "java .*StorefrontMain.*"), host("shop-2", null, null));

        HostAgentKind.AgentFault cpu = (HostAgentKind.AgentFault) kinds.plan(onHost(FaultType.CPU_EXHAUSTION, null,
                Map.of("cores", "2", "percent", "80")), context(route, "fl-1"));
        assertThat(cpu.where()).isEqualTo("agent on host 'shop-1'");
        assertThat(cpu.placed()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("cpu");
            assertThat(p.name()).isEqualTo("fl-1-cpu-shop-1");
            assertThat(p.attributes()).isEqualTo(Map.of("cores", 2L, "percent", 80L));
        });
        assertThat(((HostAgentKind.AgentFault) kinds.plan(onHost(FaultType.MEMORY_EXHAUSTION, "shop-1",
                Map.of("megabytes", "300")), context(route, "x"))).placed().get(0).attributes()).isEqualTo(Map.of("megabytes", 300L));
        assertThat(((HostAgentKind.AgentFault) kinds.plan(onHost(FaultType.PROCESS_PAUSE, null, Map.of()), context(route, "x")))
                .placed().get(0).attributes()).isEqualTo(Map.of("process", "java .*StorefrontMain.*"));
        assertThat(((HostAgentKind.AgentFault) kinds.plan(onHost(FaultType.PROCESS_KILL, null, Map.of()), context(route, "x")))
                .placed().get(0)).satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("kill");
                    assertThat(p.attributes()).containsEntry("graceMillis", 5000L);
                });
    }

    @Test
    void shouldPutAProcessFaultAboutADependencyOnTheHostsTheDependencysOwnDeclarationNames() {
        Route pricing = onHosts("pricing", name -> Optional.empty(), host("price-1", "http://price-1:8479", "java .*PricingMain.*"));
        Route storefront = onHosts("storefront", name -> Optional.of(pricing).filter(r -> r.service().equals(name)),
                host("shop-1", "http://shop-1:8479", "java .*StorefrontMain.*"));
        FaultSpec pause = onHost(FaultType.PROCESS_PAUSE, null, Map.of());
        pause.getTarget().setKind(TargetKind.DEPENDENCY_LINK);
        pause.getTarget().setDependency("pricing");

        HostAgentKind.AgentFault fault = (HostAgentKind.AgentFault) kinds.plan(pause, context(storefront, "fl-2"));
        assertThat(fault.where()).isEqualTo("agent on host 'price-1'");
        assertThat(fault.placed()).singleElement().satisfies(p -> {
            assertThat(p.url()).isEqualTo("http://price-1:8479");
            assertThat(p.attributes()).isEqualTo(Map.of("process", "java .*PricingMain.*"));
        });
        assertThat(((HostAgentKind.AgentFault) kinds.plan(onHost(FaultType.PROCESS_PAUSE, null, Map.of()), context(storefront, "x")))
                .placed().get(0).host()).as("no dependency: the service's own host").isEqualTo("shop-1");
        pause.getTarget().setDependency("inventory");
        assertThatThrownBy(() -> kinds.plan(pause, context(storefront, "x"))).isInstanceOf(UnsupportedFaultException.class)
                .hasMessageContaining("acts on inventory's hosts, and no targets file declares inventory");
    }

    @Test
    void shouldRefuseAHostFaultWithNoAgentNoProcessOrNoDirectorySayingWhatToDeclare() {
        Route noAgent = onHosts(host("shop-2", null, null));
        assertThatThrownBy(() -> kinds.plan(onHost(FaultType.CPU_EXHAUSTION, null, Map.of()), context(noAgent, "x")))
                .isInstanceOf(UnsupportedFaultException.class).hasMessageContaining("needs a Faultline agent on a host of storefront")
                .hasMessageContaining("hosts.<name>.agent");
        Route agentOnly = onHosts(host("shop-1", "http://shop-1:8479", null));
        assertThatThrownBy(() -> kinds.plan(onHost(FaultType.PROCESS_PAUSE, null, Map.of()), context(agentOnly, "x")))
                .hasMessageContaining("hosts.shop-1.process");
        assertThatThrownBy(() -> kinds.plan(onHost(FaultType.DISK_EXHAUSTION, null, Map.of()), context(agentOnly, "x")))
                .hasMessageContaining("needs the parameter 'directory'");
        assertThatThrownBy(() -> kinds.plan(onHost(FaultType.CPU_EXHAUSTION, "shop-9", Map.of()), context(agentOnly, "x")))
                .hasMessageContaining("on host 'shop-9' needs a Faultline agent there");
    }

    private String type(FaultType type, Map<String, String> parameters) {
        return toxics(fault(type, FaultDirection.UPSTREAM, 1000, parameters), "x").get(0).type();
    }
}
