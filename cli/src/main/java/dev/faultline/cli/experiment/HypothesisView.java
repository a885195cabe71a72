package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a drafted hypothesis ({@code GET /experiments/{id}/hypothesis}): scenario, predictions, guardrails. */
public final class HypothesisView {

    private HypothesisView() {
    }

    public static String render(JsonNode answer) {
        JsonNode hypothesis = answer.path("hypothesis");
        StringBuilder out = new StringBuilder();
        out.append(String.format("hypothesis %s revision %s (%s)%n", answer.path("experimentId").asText("?"),
                answer.path("revision").asText("?"), answer.path("status").asText("?")));
        out.append("  ").append(hypothesis.path("title").asText("(untitled)")).append('\n');
        JsonNode scenario = hypothesis.path("scenario");
        out.append(String.format("  fault: %s on %s -> %s, toxicity %s, %s s%n", scenario.path("faultType").asText("?"),
                scenario.path("target").path("service").asText("?"), scenario.path("target").path("dependency").asText("-"),
                scenario.path("toxicity").asText("?"), scenario.path("durationMillis").asLong() / 1000));
        out.append("  predictions:\n");
        for (JsonNode prediction : hypothesis.path("predictions")) {
            out.append(String.format("    %-20s %s %s%s %s %s%s (min %s samples)%n", prediction.path("predictionId").asText(),
                    prediction.path("probeId").asText(), prediction.path("statistic").asText(),
                    qualifier(prediction), symbol(prediction.path("comparator").asText()),
                    number(prediction.path("threshold")), unit(prediction.path("unit").asText()),
                    prediction.path("window").path("minSamples").asText("?")));
        }
        out.append("  guardrails:\n");
        for (JsonNode guardrail : hypothesis.path("guardrails")) {
            out.append(String.format("    %-20s %s %s%s %s %s%s over %s ms, sustained %s ms -> stop%n",
                    guardrail.path("guardrailId").asText(), guardrail.path("probeId").asText(),
                    guardrail.path("statistic").asText(), qualifier(guardrail), symbol(guardrail.path("comparator").asText()),
                    number(guardrail.path("threshold")), unit(guardrail.path("unit").asText()),
                    guardrail.path("evaluationWindowMillis").asText("?"), guardrail.path("sustainMillis").asText("?")));
        }
        JsonNode blast = hypothesis.path("blastRadius");
        out.append(String.format("  blast radius: %s, targets %s, traffic share %s; risk %s%n",
                blast.path("environment").asText("?"), blast.path("targets"), blast.path("trafficShare").asText("?"),
                hypothesis.path("riskLevel").asText("?")));
        return out.toString();
    }

    /** {@code [503]} for a status share, {@code [Retry-After]} for a header share, else nothing. */
    static String qualifier(JsonNode spec) {
        if (spec.hasNonNull("status")) {
            return "[" + spec.path("status").asText() + "]";
        }
        if (spec.hasNonNull("header")) {
            return "[" + spec.path("header").asText() + "]";
        }
        return "";
    }

    public static String symbol(String comparator) {
        return switch (comparator) {
            case "LESS_THAN" -> "<";
            case "LESS_OR_EQUAL" -> "<=";
            case "GREATER_THAN" -> ">";
            case "GREATER_OR_EQUAL" -> ">=";
            case "EQUAL" -> "==";
            case "NOT_EQUAL" -> "!=";
            default -> comparator;
        };
    }

    public static String unit(String unit) {
        return switch (unit) {
            case "MILLISECONDS" -> " ms";
            case "PER_SECOND" -> "/s";
            case "RATIO", "COUNT", "" -> "";
            default -> " " + unit.toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String number(JsonNode node) {
        double value = node.asDouble();
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
