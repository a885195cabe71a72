package dev.faultline.devstack.support;

import java.util.Locale;
import java.util.Set;

/** The devstack's on/off settings: a system property, else an environment variable, else on. */
public final class Switches {

    private Switches() {
    }

    /** Off when {@code property} (else {@code variable}) says {@code off}, {@code false} or {@code no}. */
    public static boolean on(String property, String variable) {
        String asked = System.getProperty(property, System.getenv().getOrDefault(variable, "on"));
        return !Set.of("off", "false", "no").contains(asked.toLowerCase(Locale.ROOT));
    }
}
