package dev.faultline.demo.metrics;

import java.util.List;

/** One named metric with its label names; renders its series as Prometheus text lines. */
abstract sealed class MetricFamily permits Counter, Histogram {

    private final String name;
    private final String help;
    private final List<String> labelNames;

    MetricFamily(String name, String help, List<String> labelNames) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
    }

    String name() {
        return name;
    }

    String help() {
        return help;
    }

    abstract String type();

    abstract void writeSamples(StringBuilder out);

    List<String> checkedLabels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + values.length + " values");
        }
        return List.of(values);
    }

    /** {@code {a="x",b="y"}} plus any extra label (such as {@code le}), or nothing when there are no labels. */
    String labels(List<String> values, String extraName, String extraValue) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labelNames.size(); i++) {
            append(out, labelNames.get(i), values.get(i));
        }
        if (extraName != null) {
            append(out, extraName, extraValue);
        }
        return out.length() == 0 ? "" : "{" + out + "}";
    }

    private static void append(StringBuilder out, String label, String value) {
        if (out.length() > 0) {
            out.append(',');
        }
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        out.append(label).append("=\"").append(escaped).append('"');
    }

    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
