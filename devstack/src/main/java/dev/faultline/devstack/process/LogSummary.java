package dev.faultline.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the lines of a child's output that explain a failure (errors, exceptions and their
 * causes), so that an exception message names the cause instead of the last lines of a stack
 * trace or of an orderly shutdown.
 */
public final class LogSummary {

    private static final Pattern RELEVANT = Pattern.compile(
            "\\bERROR\\b|Exception\\b|^Caused by:|\\bError\\b|Failed|failed|refused|in use");

    private LogSummary() {
    }

    /** Up to {@code max} explaining lines of {@code logFile}, or its last lines when none match. */
    public static String errors(Path logFile, int max) {
        List<String> lines = read(logFile);
        List<String> relevant = lines.stream()
                .filter(line -> !line.startsWith("\tat ") && RELEVANT.matcher(line).find())
                .limit(max)
                .collect(Collectors.toList());
        List<String> shown = relevant.isEmpty() ? lines.subList(Math.max(0, lines.size() - max), lines.size()) : relevant;
        return shown.isEmpty() ? "(no output)" : System.lineSeparator() + String.join(System.lineSeparator(), shown);
    }

    private static List<String> read(Path logFile) {
        try {
            return Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
