package dev.faultline.cli.schedule;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --at INSTANT} or {@code --window START/END} as a request body's {@code at} or {@code windowStart} and
 * {@code windowEnd}: how {@code propose} and {@code schedule move} say when.
 */
public final class WhenOptions {

    private WhenOptions() {
    }

    /** Puts the one given into {@code body} (nothing when neither is); the caller decides whether one is required. */
    public static void putInto(Map<String, Object> body, String at, String window, CommandLine command) {
        if (at != null) {
            body.put("at", at);
        } else if (window != null) {
            String[] ends = window.split("/");
            if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
                throw new ParameterException(command, "--window is START/END, e.g."
                        + " 2026-12-07T10:00Z/2026-12-07T12:00Z, not " + window);
            }
            body.put("windowStart", ends[0].strip());
            body.put("windowEnd", ends[1].strip());
        }
    }
}
