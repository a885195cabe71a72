package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.traces.TraceCollector.ReceivedSpan;
import dev.faultline.devstack.traces.TraceCollector;
import dev.faultline.schemas.avro.EventHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the end-to-end suite asks of the traces the five services export over OTLP while the example runs. */
final class TraceAssertions {

    static final List<String> SERVICES = List.of("hypothesis-service", "safety-service", "injector-service",
            "analysis-service", "catalog-service");
    private static final String EXPERIMENT_ID = "faultline.experiment.id";

    private TraceAssertions() {
    }

    /** The standard OTel settings that make every service export its spans to {@code receiver} at once. */
    static Map<String, List<String>> exportTo(TraceCollector receiver) {
        List<String> settings = List.of("-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                "-Dotel.exporter.otlp.protocol=http/protobuf", "-Dotel.bsp.schedule.delay=200");
        return SERVICES.stream().collect(Collectors.toMap(Function.identity(), service -> settings));
    }

    /**
     * The experiment of {@code verdict} is one trace: spans from all five services under the trace id its events
     * carry, every parent received (one root: the request that proposed it), publish → process links across
     * services over Kafka, and the experiment id on every Kafka span.
     */
    static void assertOneTraceAcrossServices(TraceCollector receiver, EventHeader verdict) {
        String traceId = verdict.getTraceparent().split("-")[1];
        String experimentId = verdict.getExperimentId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> spans = receiver.spansOfTrace(traceId);
            Map<String, ReceivedSpan> byId = spans.stream()
                    .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
            assertThat(spans).extracting(ReceivedSpan::service).as("services in trace " + traceId)
                    .containsAll(SERVICES);
            assertThat(spans).filteredOn(span -> !span.parentSpanId().isEmpty())
                    .as("spans whose parent was never received").allMatch(span -> byId.containsKey(span.parentSpanId()));
            assertThat(spans).filteredOn(span -> span.parentSpanId().isEmpty()).as("roots").hasSize(1)
                    .allSatisfy(root -> assertThat(root.service()).isEqualTo("hypothesis-service"));
            Set<String> hops = spans.stream()
                    .filter(span -> span.kind().equals("SPAN_KIND_CONSUMER"))
                    .filter(span -> byId.containsKey(span.parentSpanId()))
                    .filter(span -> byId.get(span.parentSpanId()).kind().equals("SPAN_KIND_PRODUCER"))
                    .filter(span -> !byId.get(span.parentSpanId()).service().equals(span.service()))
                    .map(span -> byId.get(span.parentSpanId()).service() + " -> " + span.service())
                    .collect(Collectors.toSet());
            assertThat(hops).as("Kafka hops between services").contains("hypothesis-service -> safety-service",
                    "safety-service -> injector-service", "injector-service -> analysis-service",
                    "analysis-service -> catalog-service");
            assertThat(spans).filteredOn(span -> span.attributes().containsKey("messaging.system"))
                    .allSatisfy(span -> assertThat(span.attributes()).containsEntry(EXPERIMENT_ID, experimentId));
        });
    }
}
