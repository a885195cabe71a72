package dev.faultline.cli.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a replay found: the experiments' trails (in the order they began), every finding, and how much was read.
 *
 * @param eventsByTopic records read per topic
 * @param undecodable   records that could not be decoded, with the first reasons (a service sent them to the DLQ)
 */
record ReplayResult(List<ExperimentTrail> trails, List<Finding> findings, Map<String, Long> eventsByTopic,
                    long events, long undecodable, List<String> undecodableReasons, long verdictsChecked,
                    long verdictsReproduced, Duration elapsed, boolean policyApplied) {

    double eventsPerSecond() {
        return elapsed.isZero() ? 0 : events / (elapsed.toNanos() / 1e9);
    }

    boolean clean() {
        return findings.isEmpty();
    }
}
