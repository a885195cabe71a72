package dev.faultline.analysis;

import io.micronaut.runtime.Micronaut;

/** Entry point of analysis-service: stores the evidence of each experiment, judges it and issues the verdict. */
public final class AnalysisApplication {

    private AnalysisApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(AnalysisApplication.class, args);
    }
}
