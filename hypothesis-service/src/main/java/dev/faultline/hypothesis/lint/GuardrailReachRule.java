package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A guardrail must be able to stop the run, as the injector evaluates it: its statistic over the DURING samples
 * sent in the last {@code evaluationWindowMillis} (a sample counts once answered, so the window slides in from the
 * fault's start and only answers that came back within the window of their request are in it), holding for
 * {@code sustainMillis} before the deadline. It cannot when
 * <ul>
 *   <li>its sustain is at least the fault's duration (the condition can first hold when the first DURING sample is
 *       answered, and the run ends at the deadline);</li>
 *   <li>it trips on a latency above its window: no answer slower than the window is ever in it, so the worst harm —
 *       a service that hangs — never reaches the threshold;</li>
 *   <li>it trips on a share (error rate, success rate, status or header share) beyond 0..1;</li>
 *   <li>it trips on more samples (SAMPLE_COUNT) or a higher THROUGHPUT than its probe can put in the window: one
 *       request per interval, so at most ⌊window / interval⌋ + 1 in the (closed) window.</li>
 * </ul>
 */
public final class GuardrailReachRule implements HypothesisRule {

    private static final Set<Statistic> LATENCIES = EnumSet.of(Statistic.P50_LATENCY, Statistic.P95_LATENCY,
            Statistic.P99_LATENCY, Statistic.MAX_LATENCY, Statistic.MEAN_LATENCY);
    private static final Set<Statistic> SHARES = EnumSet.of(Statistic.ERROR_RATE, Statistic.SUCCESS_RATE,
            Statistic.STATUS_SHARE, Statistic.HEADER_PRESENT_SHARE);

    @Override
    public List<Finding> check(Hypothesis h) {
        Map<String, ProbeSpec> probes = h.getProbes().stream()
                .collect(Collectors.toMap(ProbeSpec::getProbeId, Function.identity(), (a, b) -> a));
        long duration = h.getScenario().getDurationMillis();
        List<Finding> findings = new ArrayList<>();
        for (Guardrail g : h.getGuardrails()) {
            if (g.getEvaluationWindowMillis() <= 0 || !Double.isFinite(g.getThreshold())) {
                continue; // GuardrailRule says so
            }
            String path = "guardrails[" + g.getGuardrailId() + "]";
            if (duration > 0 && g.getSustainMillis() >= duration) {
                findings.add(Finding.of(LintRule.GUARDRAIL_CANNOT_FIRE, path + ".sustainMillis", g.getGuardrailId()
                        + " must hold for " + Millis.text(g.getSustainMillis()) + " before it stops the run, but the"
                        + " fault lasts " + Millis.text(duration) + ": it can never fire; make sustainMillis shorter"
                        + " than " + Millis.text(duration) + " or lengthen the run"));
            }
            unreachable(g, probes.get(g.getProbeId()))
                    .ifPresent(why -> findings.add(Finding.of(LintRule.GUARDRAIL_CANNOT_FIRE, path + ".threshold", why)));
        }
        return findings;
    }

    /** Why the guardrail's threshold can never be crossed, if it cannot. */
    private static Optional<String> unreachable(Guardrail g, ProbeSpec probe) {
        double threshold = g.getThreshold();
        long window = g.getEvaluationWindowMillis();
        String trips = g.getGuardrailId() + " trips when " + g.getStatistic() + " " + g.getComparator() + " "
                + Millis.number(threshold);
        if (LATENCIES.contains(g.getStatistic()) && above(g.getComparator(), threshold, window)) {
            return Optional.of(trips + " ms, but it judges the requests sent in its last " + Millis.text(window)
                    + " and sees a request only once answered, so no latency above " + Millis.text(window)
                    + " ever reaches it (a service that hangs included): lengthen evaluationWindowMillis beyond "
                    + Millis.text((long) Math.ceil(threshold)) + " or lower the threshold below " + Millis.text(window));
        }
        if (SHARES.contains(g.getStatistic()) && (above(g.getComparator(), threshold, 1) || below(g.getComparator(), threshold, 0))) {
            return Optional.of(trips + ", but a share lies within 0..1: give a threshold inside it (e.g. 0.5)");
        }
        if (probe == null || (g.getStatistic() != Statistic.SAMPLE_COUNT && g.getStatistic() != Statistic.THROUGHPUT)) {
            return Optional.empty();
        }
        long interval = Millis.interval(probe);
        long count = window / interval + 1;
        double limit = g.getStatistic() == Statistic.SAMPLE_COUNT ? count : count * 1000.0 / window;
        if (!above(g.getComparator(), threshold, limit)) {
            return Optional.empty();
        }
        String rate = g.getStatistic() == Statistic.SAMPLE_COUNT ? ""
                : " (" + Millis.number(Math.floor(limit * 100) / 100) + " per second)";
        return Optional.of(trips + ", but " + probe.getProbeId() + " samples every " + Millis.text(interval) + ", so its "
                + Millis.text(window) + " window holds at most " + count + " samples" + rate + ": lower the threshold"
                + " or watch a statistic the probe can reach");
    }

    /** Whether "observed comparator threshold" needs a value above {@code limit}, the most there can be. */
    private static boolean above(ComparisonOperator comparator, double threshold, double limit) {
        return comparator == ComparisonOperator.GREATER_THAN && threshold >= limit
                || comparator == ComparisonOperator.GREATER_OR_EQUAL && threshold > limit;
    }

    /** Whether "observed comparator threshold" needs a value below {@code limit}, the least there can be. */
    private static boolean below(ComparisonOperator comparator, double threshold, double limit) {
        return comparator == ComparisonOperator.LESS_THAN && threshold <= limit
                || comparator == ComparisonOperator.LESS_OR_EQUAL && threshold < limit;
    }
}
