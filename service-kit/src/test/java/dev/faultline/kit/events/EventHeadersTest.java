package dev.faultline.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.schemas.avro.EventHeader;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldKeepTheTraceAndNameTheCauseWhenAnswering() {
        EventHeader proposal;
        try (Scope ignored = Span.wrap(TraceContexts.newRoot()).makeCurrent()) {
            proposal = EventHeaders.first("exp-1", Actors.person("alice"), clock);
        }
        EventHeader draft = EventHeaders.answering(proposal, Actors.service("hypothesis-service"), clock);

        assertThat(draft.getExperimentId()).isEqualTo("exp-1");
        assertThat(draft.getCausationId()).isEqualTo(proposal.getEventId());
        assertThat(draft.getEventId()).isNotEqualTo(proposal.getEventId());
        assertThat(draft.getTraceparent()).as("the answer's publish span will be the child of the cause's")
                .isEqualTo(proposal.getTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(draft.getOccurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldStartANewTraceWhenTheCauseHasNone() {
        EventHeader broken = EventHeaders.first("exp-1", Actors.person("alice"), clock);
        broken.setTraceparent("garbage");

        EventHeader answer = EventHeaders.answering(broken, Actors.service("x"), clock);

        assertThat(answer.getTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void shouldStartAChainInTheCurrentSpansTrace() {
        SpanContext request = TraceContexts.newRoot();
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            EventHeader proposal = EventHeaders.first("exp-1", Actors.person("alice"), clock);

            SpanContext named = TraceContexts.parse(proposal.getTraceparent());
            assertThat(named.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(named.getSpanId()).isEqualTo(request.getSpanId());
        }
        EventHeader outside = EventHeaders.first("exp-2", Actors.person("alice"), clock);
        assertThat(outside.getTraceparent()).as("its publish span will start the trace").isNull();
    }
}
