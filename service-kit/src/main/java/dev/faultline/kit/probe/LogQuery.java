package dev.faultline.kit.probe;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which log lines a LOG probe counts ({@code ProbeSpec.parameters}): those containing a match of {@code pattern} (a
 * Java regular expression), the word {@code level} (e.g. ERROR) and the text {@code logger}, each when given. At
 * least one of them must be given: a probe that counts every line measures nothing in particular.
 */
public record LogQuery(Pattern pattern, Pattern level, String logger) {

    /**
     * The query a probe's parameters describe.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static LogQuery of(Map<String, String> parameters) {
        String pattern = parameters.getOrDefault("pattern", "");
        String level = parameters.getOrDefault("level", "").strip();
        String logger = parameters.getOrDefault("logger", "").strip();
        if (pattern.isEmpty() && level.isEmpty() && logger.isEmpty()) {
            throw new IllegalArgumentException("pattern, level or logger: a LOG probe needs at least one");
        }
        try {
            return new LogQuery(pattern.isEmpty() ? null : Pattern.compile(pattern),
                    level.isEmpty() ? null : Pattern.compile("\\b" + Pattern.quote(level) + "\\b"),
                    logger.isEmpty() ? null : logger);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern: " + e.getDescription() + " in '" + pattern + "'");
        }
    }

    public boolean matches(String line) {
        return (pattern == null || pattern.matcher(line).find()) && (level == null || level.matcher(line).find())
                && (logger == null || line.contains(logger));
    }

    /** The query in words, for references and reasons. */
    public String describe() {
        StringBuilder text = new StringBuilder("lines");
        if (level != null) {
            text.append(" at ").append(level.pattern().replace("\\b", "").replace("\\Q", "").replace("\\E", ""));
        }
        if (logger != null) {
            text.append(" from ").append(logger);
        }
        if (pattern != null) {
            text.append(" matching /").append(pattern.pattern()).append('/');
        }
        return text.toString();
    }
}
