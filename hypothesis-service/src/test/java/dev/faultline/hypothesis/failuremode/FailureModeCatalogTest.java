package dev.faultline.hypothesis.failuremode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureModeCatalogTest {

    private final FailureModeCatalog catalog = FailureModeCatalog.builtIn();

    @Test
    void shouldOfferTheDependencyAndHostFailureModesForBothServiceTypes() {
        assertThat(catalog.faultTypesFor("http-storefront")).containsExactlyInAnyOrder("NETWORK_BLACKHOLE", "NETWORK_LATENCY",
                "HTTP_ERROR_STATUS", "NETWORK_RESET", "HTTP_DELAY", "MALFORMED_BODY", "PROCESS_PAUSE", "PROCESS_KILL",
                "CPU_EXHAUSTION", "MEMORY_EXHAUSTION", "DISK_EXHAUSTION");
        assertThat(catalog.faultTypesFor("http-api")).containsExactlyInAnyOrder("NETWORK_BLACKHOLE", "NETWORK_LATENCY",
                "HTTP_ERROR_STATUS", "NETWORK_RESET", "HTTP_DELAY", "MALFORMED_BODY", "PROCESS_PAUSE", "PROCESS_KILL",
                "CPU_EXHAUSTION", "MEMORY_EXHAUSTION", "DISK_EXHAUSTION");
        assertThat(catalog.find(FaultType.CPU_EXHAUSTION, "http-storefront")).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo("storefront-cpu-exhaustion");
            assertThat(t.needsDependency()).as("on the storefront's own host").isFalse();
        });
        assertThat(catalog.find(FaultType.PROCESS_PAUSE, "http-storefront")).hasValueSatisfying(t ->
                assertThat(t.needsDependency()).as("on the dependency's process").isTrue());
        assertThat(catalog.find(FaultType.PROCESS_KILL, "http-api")).hasValueSatisfying(t ->
                assertThat(t.needsDependency()).as("the API's own process").isFalse());
        assertThat(catalog.find(FaultType.NETWORK_BANDWIDTH, "http-storefront")).isEmpty();
        assertThat(catalog.find(FaultType.NETWORK_BLACKHOLE, "kafka-consumer")).isEmpty();
    }

    @Test
    void shouldDescribeEachTemplateWithItsProbesPredictionsAndGuardrails() {
        TemplateInfo unreachable = catalog.describe().stream()
                .filter(t -> t.id().equals("storefront-dependency-unreachable")).findFirst().orElseThrow();
        assertThat(unreachable.faultType()).isEqualTo("NETWORK_BLACKHOLE");
        assertThat(unreachable.serviceType()).isEqualTo("http-storefront");
        assertThat(unreachable.probes()).as("those on metrics and logs are drafted when the target declares them")
                .containsExactly("product-reads", "order-writes", "price-fallbacks", "storefront-errors");
        assertThat(unreachable.predictions()).containsExactly("reads-served", "reads-p99", "orders-503",
                "orders-retry-after", "stale-prices-served", "no-errors-logged");
        assertThat(unreachable.guardrails()).containsExactly("reads-failing");
        assertThat(unreachable.title()).startsWith("When ${dependency} becomes unreachable for ${durationSeconds} seconds");
        assertThat(unreachable.origin()).isEqualTo(TemplateOrigin.builtIn("failure-modes/http-storefront.yaml"));
        assertThat(catalog.describe()).hasSize(22).allSatisfy(t -> assertThat(t.predictions()).isNotEmpty());
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

    @Test
    void shouldPreferATemplateATeamAddedAndFallBackWhenItIsWithdrawn() throws Exception {
        String file = """
                failure-modes:
                  inventory-slow-db:
                    service-type: http-api
                    fault: network-latency
                    risk: low
                    description: the database answers latencyMillis slower
                    parameters: {latencyMillis: 200}
                    title: When ${dependency} is ${latencyMillis} ms slower, ${service} answers within ${latencyMillis * 3} ms
                    probes:
                      reads: {endpoint: read, interval: 100ms}
                      db-errors: {kind: log, on: dependency, parameters: {level: ERROR}}
                    predictions:
                      fast: {probe: reads, statistic: p99-latency, comparator: '<', threshold: latencyMillis * 3,
                             unit: milliseconds, min-samples: 10, description: reads stay fast}
                      db-quiet: {probe: db-errors, statistic: value-sum, comparator: '<=', threshold: 0, unit: count,
                                 description: '${dependency} logs no error'}
                    guardrails:
                      failing: {probe: reads, statistic: error-rate, comparator: '>', threshold: 0.5, unit: ratio,
                                window: 3s, description: stop when reads fail}
                """;
        FailureModeDeclared added = dev.faultline.declarations.failuremode.FailureModesFile.read(file, "inventory.yaml",
                "bob", "INC-7", java.time.Clock.systemUTC()).get(0);
        catalog.declare(added);

        FailureModeTemplate template = catalog.find(FaultType.NETWORK_LATENCY, "http-api").orElseThrow();
        assertThat(template.id()).isEqualTo("inventory-slow-db");
        assertThat(template.info().origin()).extracting(TemplateOrigin::kind, TemplateOrigin::addedBy,
                TemplateOrigin::source, TemplateOrigin::incidentId).containsExactly("added", "bob", "inventory.yaml", "INC-7");
        Target db = new Target("db-proxy", "tcp-db", "http://db:5432", java.util.List.of(), "/health", null,
                "/var/log/db.log");
        Hypothesis h = template.draft(new DraftContext(Fixtures.INVENTORY, "db-proxy",
                name -> java.util.Optional.of(db).filter(t -> t.name().equals(name)), Environment.TEST, 60_000,
                1.0, Map.of("latencyMillis", "300")));
        assertThat(h.getTitle()).isEqualTo("When db-proxy is 300 ms slower, inventory answers within 900 ms");
        assertThat(h.getProbes()).extracting(ProbeSpec::getProbeId, ProbeSpec::getTarget, ProbeSpec::getComponent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reads", "http://inventory:9000/status", "inventory"),
                        org.assertj.core.groups.Tuple.tuple("db-errors", "/var/log/db.log", "db-proxy"));
        assertThat(h.getPredictions()).extracting("predictionId", "threshold", "description")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fast", 900.0, "reads stay fast"),
                        org.assertj.core.groups.Tuple.tuple("db-quiet", 0.0, "db-proxy logs no error"));
        assertThat(h.getRationale()).contains("inventory-slow-db", "added by bob, from incident INC-7");
        assertThat(template.draft(new DraftContext(Fixtures.INVENTORY, "db-proxy", Environment.TEST, 60_000, 1.0,
                Map.of())).getPredictions()).as("no log of an undeclared dependency: its check is left out")
                .extracting("predictionId").containsExactly("fast");
        assertThatThrownBy(() -> template.draft(new DraftContext(Fixtures.INVENTORY, "db-proxy", Environment.TEST,
                60_000, 1.0, Map.of("latencyMillis", "slow"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("title: ").hasMessageContaining("latencyMillis * 3");

        added.setRemoved(true);
        catalog.declare(added);
        assertThat(catalog.find(FaultType.NETWORK_LATENCY, "http-api").orElseThrow().id())
                .isEqualTo("http-api-dependency-latency");
    }
}
