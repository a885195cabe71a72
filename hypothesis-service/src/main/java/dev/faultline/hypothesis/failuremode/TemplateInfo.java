package dev.faultline.hypothesis.failuremode;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * How a failure-mode template presents itself in {@code GET /failure-modes}: what it explores, for which service
 * type, its parameters with their defaults, the ids of the probes, predictions and guardrails it drafts, and where
 * it came from.
 *
 * @param title the title as written, with its {@code ${...}} expressions
 */
@Serdeable
public record TemplateInfo(String id, String title, String faultType, String serviceType, String description,
                           Map<String, String> defaultParameters, List<String> probes, List<String> predictions,
                           List<String> guardrails, String riskLevel, TemplateOrigin origin) {
}
