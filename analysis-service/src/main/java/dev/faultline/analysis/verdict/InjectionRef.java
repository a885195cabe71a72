package dev.faultline.analysis.verdict;

import java.util.UUID;

/** An injection of an experiment, the unit a verdict is issued for. */
public record InjectionRef(String experimentId, UUID injectionId) {
}
