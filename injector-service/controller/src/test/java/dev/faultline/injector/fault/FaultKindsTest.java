package dev.faultline.injector.fault;

import static dev.faultline.injector.Fixtures.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How each FaultSpec becomes toxics or rules in its place, and what is refused with which reason. */
class FaultKindsTest {

    private final FakeDataPlane dataPlane = new FakeDataPlane("pricing-proxy", "pricing-http");
    private final FaultKinds kinds = new FaultKinds(dataPlane);
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

    private String type(FaultType type, Map<String, String> parameters) {
        return toxics(fault(type, FaultDirection.UPSTREAM, 1000, parameters), "x").get(0).type();
    }
}
