package dev.faultline.analysis.watchdog;

import java.util.Map;

/**
 * How far the analysis listener has stored its topics: the watchdog judges an injection lost only once the listener
 * has committed everything that was on the topics when the injection first looked lost, so that a stop waiting unread
 * behind an outage of the store (the listener retrying, committing nothing) is never taken for a lost injector.
 */
public interface IntakeProgress {

    /** Always caught up (tests of the watchdog's rule alone). */
    IntakeProgress CAUGHT_UP = new IntakeProgress() {
        @Override
        public Map<String, Long> endsNow() {
            return Map.of();
        }

        @Override
        public boolean reached(Map<String, Long> ends) {
            return true;
        }
    };

    /** Per "topic-partition" of the listener's topics, the offset the next record written will get. */
    Map<String, Long> endsNow();

    /** Whether the listener's group has committed up to {@code ends} on every partition. */
    boolean reached(Map<String, Long> ends);
}
