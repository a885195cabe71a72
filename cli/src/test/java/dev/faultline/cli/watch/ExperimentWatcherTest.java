package dev.faultline.cli.watch;

import static dev.faultline.cli.watch.Events.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.PlanApproved;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExperimentWatcherTest {

    private final ExperimentWatcher watcher = new ExperimentWatcher(null, "exp-1");

    @Test
    void shouldFollowItsOwnEventsAndHaltsOfWholeEnvironments() {
        assertThat(watcher.concerns(approved("exp-1", Instant.EPOCH))).isTrue();
        assertThat(watcher.concerns(approved("exp-2", Instant.EPOCH))).isFalse();
        assertThat(watcher.concerns(halt("env:STAGING", HaltScope.ENVIRONMENT))).isTrue();
        assertThat(watcher.concerns(halt("exp-2", HaltScope.EXPERIMENT))).isFalse();
    }

    @Test
    void shouldPrintOnePollInTheOrderThingsHappened() {
        StreamedEvent later = approved("exp-1", Instant.parse("2026-01-01T10:00:02Z"));
        StreamedEvent earlier = approved("exp-1", Instant.parse("2026-01-01T10:00:01Z"));

        assertThat(ExperimentWatcher.inTimeOrder(List.of(later, earlier))).containsExactly(earlier, later);
    }

    private static StreamedEvent approved(String id, Instant at) {
        PlanApproved event = PlanApproved.newBuilder().setHeader(header(id, "hypothesis-service")).setRevision(1)
                .setReviewers(List.of()).build();
        event.getHeader().setOccurredAt(at);
        return new StreamedEvent("faultline.hypotheses", id, event);
    }

    private static StreamedEvent halt(String key, HaltScope scope) {
        return new StreamedEvent("faultline.control", key, HaltRequested.newBuilder().setHeader(header(key, "safety-service"))
                .setHaltId(UUID.randomUUID()).setScope(scope)
                .setEnvironment(scope == HaltScope.ENVIRONMENT ? Environment.STAGING : null).setReason("pager").build());
    }
}
