package dev.faultline.injector.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.EvidenceReference;
import dev.faultline.schemas.avro.EvidenceReferenceKind;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceReferencesTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static ProbeSpec probe(String id, ProbeKind kind, String target, Map<String, String> parameters) {
        return ProbeSpec.newBuilder().setProbeId(id).setKind(kind).setTarget(target).setIntervalMillis(1000)
                .setTimeoutMillis(1000).setParameters(parameters).build();
    }

    private static Sample sample(String probeId, int second, Double value, String trace) {
        return new Sample(probeId, "storefront", T0.plusSeconds(second), 3, 200, true, List.of(), null, value, trace);
    }

    @Test
    void shouldReferTheSeriesTheLogWindowAndATraceOfTheBatch() {
        List<ProbeSpec> probes = List.of(
                probe("reads", ProbeKind.HTTP, "http://127.0.0.1:18080/products/sku-1", Map.of()),
                probe("stale", ProbeKind.METRIC, "http://127.0.0.1:18080/metrics", Map.of("metric",
                        "storefront_cache_lookups_total", "labels", "result=stale", "aggregate", "rate")),
                probe("errors", ProbeKind.LOG, "/var/log/storefront.log", Map.of("level", "ERROR")),
                probe("idle", ProbeKind.HTTP, "http://127.0.0.1:18080/health", Map.of()));

        List<EvidenceReference> references = EvidenceReferences.of(probes, List.of(sample("reads", 0, null, null),
                sample("reads", 1, null, "4bf92f3577b34da6a3ce929d0e0e4736"), sample("stale", 0, 2.0, null),
                sample("stale", 1, 3.0, null), sample("errors", 0, 0.0, null), sample("errors", 2, 1.0, null)));

        assertThat(references).extracting(EvidenceReference::getKind).containsExactly(EvidenceReferenceKind.TRACE,
                EvidenceReferenceKind.METRIC, EvidenceReferenceKind.LOG);
        assertThat(references.get(0).getUri()).isEqualTo("trace:4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(references.get(1).getUri()).isEqualTo("http://127.0.0.1:18080/metrics");
        assertThat(references.get(1).getDescription())
                .contains("rate of storefront_cache_lookups_total{result=\"stale\"}; in this batch: 2 scrapes");
        assertThat(references.get(2).getUri()).isEqualTo("/var/log/storefront.log");
        assertThat(references.get(2).getDescription()).contains("lines at ERROR", "2026-12-05T10:00:00Z",
                "2026-12-05T10:00:02Z");
    }

    @Test
    void shouldReferThePromQlQueryAndThePrometheusServerItAsked() {
        ProbeSpec stale = probe("stale", ProbeKind.METRIC, "http://prometheus:9090", Map.of("source", "prometheus",
                "query", "sum(rate(storefront_cache_lookups_total{result=\"stale\"}[5s]))"));
        ProbeSpec level = probe("level", ProbeKind.METRIC, "http://prometheus:9090/", Map.of("source", "prometheus",
                "query", "sum(storefront_cache_lookups_total)", "range", "30s", "step", "5s"));

        List<EvidenceReference> references = EvidenceReferences.of(List.of(stale, level), List.of(
                sample("stale", 0, 0.5, null), sample("stale", 1, 0.75, null), sample("level", 1, 12.0, null)));

        assertThat(references).extracting(EvidenceReference::getKind).containsOnly(EvidenceReferenceKind.METRIC);
        assertThat(references.get(0).getUri()).isEqualTo("http://prometheus:9090/api/v1/query?query="
                + "sum%28rate%28storefront_cache_lookups_total%7Bresult%3D%22stale%22%7D%5B5s%5D%29%29");
        assertThat(references.get(0).getDescription()).isEqualTo("stale: PromQL sum(rate(storefront_cache_lookups_total"
                + "{result=\"stale\"}[5s])) (instant query; series summed) at http://prometheus:9090; in this batch:"
                + " 2 queries at times from 2026-12-05T10:00:00Z to 2026-12-05T10:00:01Z");
        assertThat(references.get(1).getUri()).isEqualTo("http://prometheus:9090/api/v1/query_range?query="
                + "sum%28storefront_cache_lookups_total%29&step=5");
        assertThat(references.get(1).getDescription()).contains("level: PromQL sum(storefront_cache_lookups_total)"
                + " over the last 30 s every 5 s (range query; the mean of its steps, series summed)");
    }
}
