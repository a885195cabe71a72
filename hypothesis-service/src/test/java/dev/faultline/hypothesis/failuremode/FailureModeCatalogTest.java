package dev.faultline.hypothesis.failuremode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureModeCatalogTest {

    private final FailureModeCatalog catalog = FailureModeCatalog.builtIn();

    @Test
    void shouldOfferTheThreeDependencyFailureModesForBothServiceTypes() {
        for (String type : new String[] {"http-storefront", "http-api"}) {
            assertThat(catalog.faultTypesFor(type))
                    .contains("NETWORK_BLACKHOLE", "NETWORK_LATENCY", "HTTP_ERROR_STATUS", "NETWORK_RESET");
        }
        assertThat(catalog.find(FaultType.CPU_EXHAUSTION, "http-storefront")).isEmpty();
        assertThat(catalog.find(FaultType.NETWORK_BLACKHOLE, "kafka-consumer")).isEmpty();
    }

    @Test
    void shouldDescribeEachTemplateWithItsProbesPredictionsAndGuardrails() {
        TemplateInfo unreachable = catalog.describe().stream()
                .filter(t -> t.id().equals("storefront-dependency-unreachable")).findFirst().orElseThrow();
        assertThat(unreachable.faultType()).isEqualTo("NETWORK_BLACKHOLE");
        assertThat(unreachable.serviceType()).isEqualTo("http-storefront");
        assertThat(unreachable.probes()).containsExactly("product-reads", "order-writes");
        assertThat(unreachable.predictions()).containsExactly("reads-served", "reads-p99", "orders-503", "orders-retry-after");
        assertThat(unreachable.guardrails()).containsExactly("reads-failing");
        assertThat(catalog.describe()).hasSize(8).allSatisfy(t -> assertThat(t.predictions()).isNotEmpty());
    }

    @Test
    void shouldProbeTheConfiguredPathOfAGenericHttpApi() {
        DraftContext context = new DraftContext(Fixtures.INVENTORY, "db-proxy", Environment.TEST, 60_000, 1.0, Map.of());
        Hypothesis h = catalog.find(FaultType.NETWORK_LATENCY, "http-api").orElseThrow().draft(context);
        assertThat(h.getProbes()).extracting(ProbeSpec::getProbeId, ProbeSpec::getTarget, ProbeSpec::getMethod)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reads", "http://inventory:9000/status", "GET"));
        assertThat(h.getPredictions().get(1).getThreshold()).isEqualTo(1500.0);
        assertThat(h.getGuardrails()).extracting("probeId").containsExactly("reads");
    }
}
