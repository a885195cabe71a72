package dev.faultline.injector.guardrail;

import java.time.Instant;

/**
 * A guardrail that tripped: its observed value, when its condition was first seen true in the current streak, and
 * the evaluation at which it had held long enough ({@code detectedAt}).
 */
public record Breach(GuardrailRule rule, double observed, Instant conditionSince, Instant detectedAt) {
}
