package dev.faultline.hypothesis;

import io.micronaut.runtime.Micronaut;

/** Starts hypothesis-service: proposals in, drafted or rejected hypotheses and review rounds out. */
public final class HypothesisApplication {

    private HypothesisApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(HypothesisApplication.class, args);
    }
}
