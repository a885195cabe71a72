package dev.faultline.safety;

import io.micronaut.runtime.Micronaut;

/** Entry point of safety-service: preflight checks, approvals and halts between an approved plan and any fault. */
public final class SafetyApplication {

    private SafetyApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SafetyApplication.class, args);
    }
}
