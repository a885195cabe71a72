package dev.faultline.cli.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an experiment's decision trail: when, which stage, who acted, what happened in words, and the
 * recorded inputs behind it (a preflight check's measured values, a clearance's signature check).
 *
 * @param at      when it happened (the event's time), or null for a note added at the end of the replay
 * @param stage   proposal, hypothesis, review, approval, schedule, preflight, clearance, fault, evidence, stop, halt,
 *                verdict
 * @param details recorded values by name, in the order they were recorded
 */
record TrailEntry(Instant at, String stage, String actor, String what, Map<String, String> details) {

    TrailEntry {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static TrailEntry of(Instant at, String stage, String actor, String what) {
        return new TrailEntry(at, stage, actor, what, Map.of());
    }
}
