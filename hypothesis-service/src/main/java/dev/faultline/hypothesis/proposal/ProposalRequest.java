package dev.faultline.hypothesis.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The body of {@code POST /proposals}; enums arrive as strings so that a wrong one gets a helpful answer.
 *
 * @param proposer not accepted (400): the proposer is the caller's token subject
 * @param at          when to run (ISO-8601, e.g. 2026-12-07T10:00Z): the preflight runs then; or give a window
 * @param windowStart the start of the window to run in (ISO-8601); null: once approved
 * @param windowEnd   the end of that window: the run must end by then
 */
@Serdeable
public record ProposalRequest(@Nullable String service, @Nullable String faultType, @Nullable String dependency,
                              @Nullable String environment, @Nullable String proposer, @Nullable String reason,
                              @Nullable String motivation, @Nullable Long durationSeconds, @Nullable Double trafficShare,
                              @Nullable Map<String, String> labels, @Nullable String incidentId,
                              @Nullable String at, @Nullable String windowStart, @Nullable String windowEnd) {
}
