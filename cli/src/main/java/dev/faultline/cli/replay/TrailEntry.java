package dev.faultline.cli.replay;

import java.time.Instant;
import java.util.Map;

/**
 * One line of an experiment's decision trail: when, which stage, who acted, what happened in words, and the
 * recorded inputs behind it (a preflight check's measured values, a clearance's signature check).
 *
 * @param stage   proposal, hypothesis, review, approval, schedule, preflight, clearance, fault, evidence, stop, verdict
 * @param details recorded values by name, in the order they were recorded
 */
record TrailEntry(Instant at, String stage, String actor, String what, Map<String, String> details) {

    TrailEntry {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    static TrailEntry of(Instant at, String stage, String actor, String what) {
        return new TrailEntry(at, stage, actor, what, Map.of());
    }
}
