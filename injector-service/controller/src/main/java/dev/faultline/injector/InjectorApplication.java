package dev.faultline.injector;

import io.micronaut.runtime.Micronaut;

/** injector-service: runs cleared experiments — applies the fault through the data plane, probes, guards, stops. */
public final class InjectorApplication {

    private InjectorApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(InjectorApplication.class, args);
    }
}
