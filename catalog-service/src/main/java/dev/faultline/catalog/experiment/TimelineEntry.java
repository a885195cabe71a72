package dev.faultline.catalog.experiment;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One event of an experiment's timeline: when it happened, its event type and what it said, in words. */
@Serdeable
public record TimelineEntry(Instant at, String type, String summary, String eventId) {
}
