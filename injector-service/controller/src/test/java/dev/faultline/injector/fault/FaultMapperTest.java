package dev.faultline.injector.fault;

import static dev.faultline.injector.Fixtures.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultMapperTest {

    private final FaultMapper mapper = new FaultMapper(d -> Optional.ofNullable(Map.of("pricing", "pricing-proxy").get(d)),
            d -> Optional.ofNullable(Map.of("pricing", "pricing-http").get(d)));
    private final FaultMapper withoutL7 = new FaultMapper(d -> Optional.of("pricing-proxy"), d -> Optional.empty());

    @Test
    void shouldMapBlackholeToAnUpstreamTimeoutToxic() {
        FaultPlan plan = mapper.plan(fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 30000, Map.of()), "fl-1");
        assertThat(plan.layer()).isEqualTo(FaultPlan.Layer.L4);
        assertThat(plan.proxy()).isEqualTo("pricing-proxy");
        assertThat(plan.actions()).containsExactly(
                new FaultAction("fl-1-timeout-upstream", "timeout", "upstream", 1.0, Map.of("timeout", 0L)));
    }

    @Test
    void shouldMapBothDirectionsToTwoToxics() {
        FaultPlan plan = mapper.plan(fault(FaultType.NETWORK_LATENCY, FaultDirection.BOTH, 1000,
                Map.of("latencyMillis", "250", "jitterMillis", "20")), "fl-2");
        assertThat(plan.actions()).extracting(FaultAction::stream).containsExactly("upstream", "downstream");
        assertThat(plan.actions()).allSatisfy(a -> {
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
        FaultPlan drop = mapper.plan(fault(FaultType.CONNECTION_DROP, FaultDirection.DOWNSTREAM, 1000, Map.of()), "x");
        assertThat(drop.actions().get(0).attributes()).isEqualTo(Map.of("bytes", 0L));
        assertThat(drop.actions().get(0).stream()).isEqualTo("downstream");
    }

    @Test
    void shouldKeepToxicityAsTheShareOfConnections() {
        FaultSpec spec = fault(FaultType.NETWORK_RESET, FaultDirection.UPSTREAM, 1000, Map.of());
        spec.setToxicity(0.3);
        assertThat(mapper.plan(spec, "x").actions().get(0).toxicity()).isEqualTo(0.3);
    }

    @Test
    void shouldMapHttpFaultsToL7RulesWhenAnHttpProxyIsConfigured() {
        FaultPlan plan = mapper.plan(fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 1000,
                Map.of("status", "503", "retryAfter", "5")), "fl-3");
        assertThat(plan.layer()).isEqualTo(FaultPlan.Layer.L7);
        assertThat(plan.proxy()).isEqualTo("pricing-http");
        assertThat(plan.actions().get(0).type()).isEqualTo("respond");
        assertThat(plan.actions().get(0).attributes()).isEqualTo(Map.of("status", 503L, "headers", Map.of("Retry-After", "5")));
        assertThat(mapper.plan(fault(FaultType.HTTP_DELAY, FaultDirection.UPSTREAM, 1000, Map.of("latencyMillis", "700")), "x")
                .actions().get(0).attributes()).isEqualTo(Map.of("delay_ms", 700L, "jitter_ms", 0L));
    }

    @Test
    void shouldRefuseWhatItCannotApply() {
        assertThatThrownBy(() -> withoutL7.plan(fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 1000, Map.of()), "x"))
                .isInstanceOf(UnsupportedFaultException.class).hasMessageContaining("faultline.injector.http-proxies.pricing");
        assertThatThrownBy(() -> mapper.plan(fault(FaultType.CPU_EXHAUSTION, FaultDirection.UPSTREAM, 1000, Map.of()), "x"))
                .isInstanceOf(UnsupportedFaultException.class).hasMessageContaining("CPU_EXHAUSTION is not supported");
        FaultSpec elsewhere = fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of());
        elsewhere.getTarget().setDependency("inventory");
        assertThatThrownBy(() -> mapper.plan(elsewhere, "x")).hasMessageContaining("no data plane proxy configured for dependency 'inventory'");
        assertThatThrownBy(() -> mapper.plan(fault(FaultType.NETWORK_LATENCY, FaultDirection.UPSTREAM, 1000,
                Map.of("latencyMillis", "slow")), "x")).hasMessageContaining("latencyMillis must be a whole number");
        assertThatThrownBy(() -> mapper.plan(fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UNKNOWN, 1000, Map.of()), "x"))
                .hasMessageContaining("direction UNKNOWN");
    }

    private String type(FaultType type, Map<String, String> parameters) {
        return mapper.plan(fault(type, FaultDirection.UPSTREAM, 1000, parameters), "x").actions().get(0).type();
    }
}
