package dev.faultline.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.EventHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldKeepTheTraceAndNameTheCauseWhenAnswering() {
        EventHeader proposal = EventHeaders.first("exp-1", Actors.person("alice"), clock);
        EventHeader draft = EventHeaders.answering(proposal, Actors.service("hypothesis-service"), clock);

        assertThat(draft.getExperimentId()).isEqualTo("exp-1");
        assertThat(draft.getCausationId()).isEqualTo(proposal.getEventId());
        assertThat(draft.getEventId()).isNotEqualTo(proposal.getEventId());
        assertThat(draft.getTraceparent().split("-")[1]).isEqualTo(proposal.getTraceparent().split("-")[1]);
        assertThat(draft.getTraceparent().split("-")[2]).isNotEqualTo(proposal.getTraceparent().split("-")[2]);
        assertThat(draft.getTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(draft.getOccurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldStartANewTraceWhenTheCauseHasNone() {
        assertThat(EventHeaders.traceIdOf(null)).hasSize(32);
        assertThat(EventHeaders.traceIdOf("garbage")).hasSize(32);
    }
}
