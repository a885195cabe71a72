package dev.faultline.kit.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus text exposition (format 0.0.4, what {@code /metrics} endpoints serve) parsed into its series: every
 * sample line's name, labels and value ({@code NaN}, {@code +Inf}, {@code -Inf} included; timestamps are read and
 * ignored), and the {@code # TYPE} of each family. Written by hand: the Prometheus Java client only writes this
 * format, and no maintained Java parser of it exists; the format is a line grammar of a page.
 */
public final class Exposition {

    /** One sample line: a series and its current value. */
    public record Series(String name, Map<String, String> labels, double value) {

        public Series {
            labels = Map.copyOf(labels);
        }

        /** Whether every matcher names a label this series has, with exactly that value. */
        public boolean matches(Map<String, String> matchers) {
            return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
        }
    }

    private final List<Series> series;
    private final Map<String, String> types;

    private Exposition(List<Series> series, Map<String, String> types) {
        this.series = List.copyOf(series);
        this.types = Map.copyOf(types);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static Exposition parse(String text) {
        List<Series> series = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("#")) {
                    String[] words = line.substring(1).strip().split("\\s+", 3);
                    if (words.length == 3 && words[0].equals("TYPE")) {
                        types.put(words[1], words[2].strip());
                    }
                    continue;
                }
                series.add(new LineReader(line).series());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + abbreviated(line), e);
            }
        }
        return new Exposition(series, types);
    }

    public List<Series> series() {
        return series;
    }

    /** The series named {@code name} whose labels match {@code matchers}. */
    public List<Series> series(String name, Map<String, String> matchers) {
        return series.stream().filter(s -> s.name().equals(name) && s.matches(matchers)).toList();
    }

    /** The {@code # TYPE} of a metric family (counter, gauge, histogram, summary, untyped), if declared. */
    public Optional<String> typeOf(String family) {
        return Optional.ofNullable(types.get(family));
    }

    private static String abbreviated(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    /** Reads one sample line: {@code name{label="value",...} value [timestamp]}. */
    private static final class LineReader {

        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        Series series() {
            String name = name("metric name");
            Map<String, String> labels = new LinkedHashMap<>();
            skipSpaces();
            if (peek() == '{') {
                at++;
                readLabels(labels);
            }
            skipSpaces();
            String[] rest = line.substring(at).strip().split("\\s+");
            if (rest.length == 0 || rest[0].isEmpty()) {
                throw new IllegalArgumentException("no value");
            }
            if (rest.length > 2) {
                throw new IllegalArgumentException("more than a value and a timestamp after the series");
            }
            return new Series(name, labels, value(rest[0]));
        }

        private void readLabels(Map<String, String> labels) {
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    at++;
                    return;
                }
                String label = name("label name");
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                labels.put(label, quoted());
                skipSpaces();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' after label " + label);
                }
            }
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("label value not closed");
        }

        private String name(String what) {
            int start = at;
            while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_'
                    || line.charAt(at) == ':')) {
                at++;
            }
            if (at == start || Character.isDigit(line.charAt(start))) {
                throw new IllegalArgumentException("expected a " + what);
            }
            return line.substring(start, at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            return at < line.length() ? line.charAt(at) : '\0';
        }

        private void skipSpaces() {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
        }

        private static double value(String text) {
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "+Inf":
                case "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not a number");
                    }
            }
        }
    }
}
