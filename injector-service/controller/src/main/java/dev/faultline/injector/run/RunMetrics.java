package dev.faultline.injector.run;

import dev.faultline.injector.guardrail.Breach;

/**
 * What a run reports for monitoring (port; Micrometer behind it): each evaluation of its guardrails while the fault
 * is on, and the breach that stopped it.
 */
public interface RunMetrics {

    /** Reports nothing: for runs whose metrics nobody reads (tests, benchmarks). */
    RunMetrics NONE = new RunMetrics() {
        @Override
        public void guardrailsEvaluated() {
        }

        @Override
        public void guardrailBreached(Breach breach) {
        }
    };

    void guardrailsEvaluated();

    void guardrailBreached(Breach breach);
}
