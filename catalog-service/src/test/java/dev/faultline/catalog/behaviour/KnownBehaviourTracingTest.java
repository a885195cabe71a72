package dev.faultline.catalog.behaviour;

import static dev.faultline.catalog.streams.TestEvents.T0;
import static dev.faultline.catalog.streams.TestVerdicts.readsServed;
import static dev.faultline.catalog.streams.TestVerdicts.verdict;
import static dev.faultline.schemas.avro.PredictionOutcome.HELD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.experiment.ExperimentTopology;
import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.catalog.streams.TestEvents;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.topics.Topics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KnownBehaviourTracingTest {

    /** The verdict's publish span, as analysis-service's publisher puts it in the Kafka record headers. */
    private static final String PUBLISH_TRACE = "c".repeat(32);
    private static final String PUBLISH_SPAN = "d".repeat(16);
    private static final String TRACEPARENT = "00-" + PUBLISH_TRACE + "-" + PUBLISH_SPAN + "-01";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final VerdictIssued verdict = verdict("exp-1", VerdictOutcome.ALL_HELD, T0, readsServed(HELD, 1.0));
    private CatalogDriver driver;

    @AfterEach
    void stop() {
        driver.close();
        openTelemetry.close();
    }

    private TestRecord<String, KnownBehaviourUpdated> handle(EventTracing tracing) {
        driver = new CatalogDriver(tracing);
        Headers headers = new RecordHeaders().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        driver.verdicts().pipeInput(new TestRecord<>("exp-1", verdict, headers, T0));
        return driver.catalog().readRecord();
    }

    @Test
    void shouldHandleEachVerdictInASpanChildOfTheTraceparentInItsRecordHeaders() {
        handle(new EventTracing(openTelemetry));

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        SpanData span = spans.get(0);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getTraceId()).isEqualTo(PUBLISH_TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(PUBLISH_SPAN);
        assertThat(span.getAttributes().get(EventTracing.EXPERIMENT_ID)).isEqualTo("exp-1");
    }

    @Test
    void shouldGiveTheEntryItEmitsTheSpanAsTraceparent() {
        TestRecord<String, KnownBehaviourUpdated> out = handle(new EventTracing(openTelemetry));

        String span = TraceContexts.format(exporter.getFinishedSpanItems().get(0).getSpanContext());
        assertThat(out.headers().headers("traceparent")).singleElement()
                .satisfies(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(span));
        assertThat(out.value().getHeader().getTraceparent()).isEqualTo(span);
    }

    @Test
    void shouldFoldEachExperimentEventInASpanChildOfItsPublishSpan() {
        driver = new CatalogDriver(new EventTracing(openTelemetry));
        Headers headers = new RecordHeaders().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        driver.events(Topics.PROPOSALS.name()).pipeInput(new TestRecord<>("exp-1", TestEvents.proposed("exp-1", T0),
                headers, T0));

        assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getName()).contains(Topics.PROPOSALS.name());
            assertThat(span.getTraceId()).isEqualTo(PUBLISH_TRACE);
            assertThat(span.getParentSpanId()).isEqualTo(PUBLISH_SPAN);
            assertThat(span.getAttributes().get(EventTracing.EXPERIMENT_ID)).isEqualTo("exp-1");
        });
        assertThat(driver.keyValueStore(ExperimentTopology.STORE)).hasValueSatisfying(store ->
                assertThat(store.get("exp-1")).as("the view folded inside the span").isNotNull());
    }

    /** Without spans the entry stays in the verdict's trace, as its event header names it. */
    @Test
    void shouldKeepTheVerdictsTraceparentWhenTracingIsOff() {
        TestRecord<String, KnownBehaviourUpdated> out = handle(EventTracing.disabled());

        String traceparent = verdict.getHeader().getTraceparent();
        assertThat(new String(out.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        assertThat(out.value().getHeader().getTraceparent()).isEqualTo(traceparent);
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }
}
