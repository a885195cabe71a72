package dev.faultline.kit.probe;

import java.util.Locale;
import java.util.Map;

/**
 * Where a METRIC probe reads its value ({@code ProbeSpec.parameters} {@code source}): a scrape of the target's own
 * Prometheus text exposition ({@code scrape}, the default; {@link MetricQuery}), or a PromQL query to a Prometheus
 * server that scrapes it ({@code prometheus}; {@link PromQuery}). The two forms take different parameters, so a
 * parameter of the other form is refused rather than silently ignored.
 */
public enum MetricSource {
    SCRAPE, PROMETHEUS;

    /**
     * The source a probe's parameters name.
     *
     * @throws IllegalArgumentException for an unknown source, or a PromQL parameter ({@code query}, {@code range},
     *                                  {@code step}) without {@code source=prometheus}
     */
    public static MetricSource of(Map<String, String> parameters) {
        String source = parameters.getOrDefault("source", "").strip().toLowerCase(Locale.ROOT);
        MetricSource chosen = switch (source) {
            case "", "scrape" -> SCRAPE;
            case "prometheus" -> PROMETHEUS;
            default -> throw new IllegalArgumentException("source: '" + parameters.get("source")
                    + "' is not one of scrape, prometheus");
        };
        if (chosen == SCRAPE) {
            for (String promOnly : PromQuery.PARAMETERS) {
                if (parameters.containsKey(promOnly)) {
                    throw new IllegalArgumentException(promOnly + ": belongs to a PromQL query, which needs"
                            + " source=prometheus (the probe's target is then the Prometheus server's base URL)");
                }
            }
        }
        return chosen;
    }
}
