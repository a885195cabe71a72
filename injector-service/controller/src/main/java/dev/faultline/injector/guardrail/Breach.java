package dev.faultline.injector.guardrail;

import java.time.Instant;

/**
 * A guardrail that tripped: what was seen ({@code observed}, null when the guardrail went blind: no sample to
 * observe), when its condition was first seen true in the current streak (for a blind guardrail: its probe's last
 * answer, or the start of the watch), the evaluation at which it had held long enough ({@code detectedAt}), and the
 * condition in words.
 */
public record Breach(GuardrailRule rule, Double observed, Instant conditionSince, Instant detectedAt, String what) {
}
