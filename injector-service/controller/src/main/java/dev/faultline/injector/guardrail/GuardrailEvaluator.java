package dev.faultline.injector.guardrail;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.measure.Comparison;
import dev.faultline.schemas.measure.SampleView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates an injection's guardrails against the samples taken during the fault, with service-kit's statistics
 * and comparison (the ones verdicts use). Pure apart from remembering, per guardrail, since when its condition has
 * held without interruption: a condition that stops holding resets it, and a statistic with no value (an empty
 * window, except for SAMPLE_COUNT and THROUGHPUT which are 0 there) counts as not holding. Not thread-safe: one
 * evaluator per run, called from one thread.
 */
public final class GuardrailEvaluator {

    private final List<GuardrailRule> rules;
    private final Map<String, Instant> holdingSince = new HashMap<>();

    public GuardrailEvaluator(List<GuardrailRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first guardrail that is breached at {@code now}, given every DURING sample so far. */
    public Optional<Breach> evaluate(List<Sample> during, Instant now) {
        for (GuardrailRule rule : rules) {
            Instant from = now.minusMillis(rule.windowMillis());
            List<SampleView> window = during.stream()
                    .filter(s -> s.probeId().equals(rule.probeId()) && !s.at().isBefore(from) && !s.at().isAfter(now))
                    .map(Sample::view).toList();
            OptionalDouble observed = rule.measure().over(window, rule.windowMillis());
            if (observed.isEmpty() || !Comparison.holds(rule.comparator(), observed.getAsDouble(), rule.threshold())) {
                holdingSince.remove(rule.id());
                continue;
            }
            Instant since = holdingSince.computeIfAbsent(rule.id(), id -> now);
            if (Duration.between(since, now).toMillis() >= rule.sustainMillis()) {
                return Optional.of(new Breach(rule, observed.getAsDouble(), since, now));
            }
        }
        return Optional.empty();
    }
}
