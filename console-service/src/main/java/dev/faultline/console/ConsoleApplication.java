package dev.faultline.console;

import io.micronaut.runtime.Micronaut;

/** Starts console-service: the live web console over the services' APIs and the Faultline topics. */
public final class ConsoleApplication {

    private ConsoleApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ConsoleApplication.class, args);
    }
}
