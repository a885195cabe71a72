package dev.faultline.agent.support;

import java.nio.file.Path;

/** The java binary running the tests, for starting other JVMs. */
final class Java {

    private Java() {
    }

    static String binary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
