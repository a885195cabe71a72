package dev.faultline.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.traces.TraceCollector.ReceivedSpan;
import dev.faultline.devstack.traces.TraceCollector;
import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.topics.Topics;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spans of the kit's event I/O exported over OTLP to a receiver in the test: publishing an event, handling it in a
 * listener and dead-lettering it form one trace whose parent links cross the Kafka hop, the experiment id on each span.
 */
@ExtendWith(DevStackExtension.class)
class EventTracingIT {

    @Test
    void shouldTracePublishHandleAndDeadLetterAsOneTrace(DevStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TraceCollector receiver = TraceCollector.start();
             ApplicationContext context = ApplicationContext.run(ServiceProperties.withKafkaLogin(stack, Map.<String, Object>ofEntries(Map.entry("micronaut.server.port", -1),
                     Map.entry("micronaut.application.name", "kit-trace-test"),
                     Map.entry("faultline.service.name", "kit-trace-test"),
                     Map.entry("faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers()),
                     Map.entry("faultline.kafka.schema-registry-url", stack.schemaRegistryUrl()),
                     Map.entry("kit-test.listener", true),
                     Map.entry("kit-test.group-id", "kit-trace-" + run),
                     Map.entry("otel.exporter.otlp.endpoint", receiver.endpoint()),
                     Map.entry("otel.exporter.otlp.protocol", "http/protobuf"),
                     Map.entry("otel.bsp.schedule.delay", "100"))))) {
            ExperimentProposed invalid = EventListenerIT.proposal(run + "-invalid", "invalid");
            context.getBean(EventPublisher.class).publish(invalid);
            String traceId = TraceContexts.parse(invalid.getHeader().getTraceparent()).getTraceId();

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.spansOfTrace(traceId).size() >= 3);
            List<ReceivedSpan> spans = receiver.spansOfTrace(traceId);
            ReceivedSpan publish = only(spans, Topics.Names.PROPOSALS + " publish");
            ReceivedSpan handle = only(spans, Topics.Names.PROPOSALS + " process");
            ReceivedSpan deadLetter = only(spans, Topics.Names.DEAD_LETTERS + " publish");

            assertThat(publish.parentSpanId()).as("the proposal starts the trace").isEmpty();
            assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER");
            assertThat(handle.parentSpanId()).as("handle is the child of publish across Kafka").isEqualTo(publish.spanId());
            assertThat(handle.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(deadLetter.parentSpanId()).isEqualTo(handle.spanId());
            assertThat(List.of(publish, handle)).allSatisfy(span -> {
                assertThat(span.service()).isEqualTo("kit-trace-test");
                assertThat(span.attributes()).containsEntry("faultline.experiment.id", run + "-invalid");
            });
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
        assertThat(spans).filteredOn(s -> s.name().equals(name)).as(name).hasSize(1);
        return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
