package dev.faultline.injector.guardrail;

import dev.faultline.evaluation.Wording;
import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.evaluation.stats.Estimates;
import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.measure.Comparison;
import dev.faultline.schemas.measure.SampleView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Evaluates an injection's guardrails against the samples taken during the fault, with service-kit's statistics and
 * comparison (the ones verdicts use). A guardrail's window holds the samples whose answer arrived in
 * [now − window, now] (sent time plus latency; a timeout arrives when it fired), so that requests which hang for longer
 * than the window count when they fail rather than never. Pure apart from remembering, per guardrail, since when its
 * condition has held without interruption: a condition that stops holding resets it, and a statistic with no value (an
 * empty window, except for SAMPLE_COUNT and THROUGHPUT which are 0 there) counts as not holding. A guardrail whose
 * probe has answered nothing for its {@code maxSilenceMillis} (counted from the last answer's arrival, at the earliest
 * from {@code watchingFrom}) is breached as well: the run cannot see what the fault does. Not thread-safe: one
 * evaluator per run, called under one lock. A guardrail trips on the point estimate (safety first: no waiting for an
 * interval to clear the threshold); the breach's detail adds the confidence interval the verdicts would compute.
 */
public final class GuardrailEvaluator {

    private final List<GuardrailRule> rules;
    private final Instant watchingFrom;
    private final Map<String, Instant> holdingSince = new HashMap<>();

    /** @param watchingFrom when the fault was applied: a probe's silence is counted from then at the earliest */
    public GuardrailEvaluator(List<GuardrailRule> rules, Instant watchingFrom) {
        this.rules = List.copyOf(rules);
        this.watchingFrom = watchingFrom;
    }

    /** The first guardrail that is breached at {@code now}, given every DURING sample so far. */
    public Optional<Breach> evaluate(List<Sample> during, Instant now) {
        // one pass over the samples, then each rule reads only its own probe's
        Map<String, List<Sample>> byProbe = during.stream().collect(Collectors.groupingBy(Sample::probeId));
        for (GuardrailRule rule : rules) {
            List<Sample> probed = byProbe.getOrDefault(rule.probeId(), List.of());
            Optional<Breach> blind = blind(rule, probed, now);
            if (blind.isPresent()) {
                return blind;
            }
            // by arrival: windowed by when requests went out, a request that hangs for longer than the window
            // would be out of every window by the time its timeout fires, and a hanging dependency never seen
            Instant from = now.minusMillis(rule.windowMillis());
            List<SampleView> window = probed.stream()
                    .filter(s -> !arrival(s).isBefore(from) && !arrival(s).isAfter(now))
                    .map(Sample::view).toList();
            OptionalDouble observed = rule.measure().over(window, rule.windowMillis());
            if (observed.isEmpty() || !Comparison.holds(rule.comparator(), observed.getAsDouble(), rule.threshold())) {
                holdingSince.remove(rule.id());
                continue;
            }
            Instant since = holdingSince.computeIfAbsent(rule.id(), id -> now);
            if (Duration.between(since, now).toMillis() >= rule.sustainMillis()) {
                return Optional.of(new Breach(rule, observed.getAsDouble(), since, now,
                        "observed " + observed.getAsDouble() + interval(rule, window)));
            }
        }
        return Optional.empty();
    }

    /**
     * The interval around the observed value, from the verdicts' statistics: shown with a breach, never deciding it
     * — a guardrail trips on the point estimate, since waiting until an interval clears the threshold would keep a
     * harmful fault applied for longer.
     */
    private static String interval(GuardrailRule rule, List<SampleView> window) {
        return Estimates.of(rule.measure(), window, rule.windowMillis(), ConfidenceLevel.DEFAULT)
                .map(e -> " (" + Wording.interval(e.interval(), rule.unit()) + ", " + Wording.plural(window.size(), "sample")
                        + ")").orElse("");
    }

    /** @param probed the DURING samples of the rule's probe */
    private Optional<Breach> blind(GuardrailRule rule, List<Sample> probed, Instant now) {
        Instant lastHeard = watchingFrom;
        for (Sample s : probed) {
            Instant arrived = arrival(s);
            if (arrived.isAfter(lastHeard) && !arrived.isAfter(now)) {
                lastHeard = arrived;
            }
        }
        Duration silence = Duration.between(lastHeard, now);
        if (silence.toMillis() < rule.maxSilenceMillis()) {
            return Optional.empty();
        }
        return Optional.of(new Breach(rule, null, lastHeard, now, String.format(Locale.ROOT,
                "running blind: no sample from %s for %.1f s", rule.probeId(), silence.toMillis() / 1000.0)));
    }

    /**
     * A sample is heard when its answer came back (or its request failed or timed out), not when its request went
     * out. Rounded up to the nanosecond, as the verdicts round it up to the millisecond: a request counts as answered
     * by a moment only when its whole latency fits before it.
     */
    private static Instant arrival(Sample s) {
        return s.at().plusNanos((long) Math.ceil(s.latencyMillis() * 1_000_000));
    }
}
