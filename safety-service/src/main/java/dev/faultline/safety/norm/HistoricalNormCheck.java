package dev.faultline.safety.norm;

import dev.faultline.kit.probe.MetricSource;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.probe.PromQuery;
import dev.faultline.kit.probe.PromResult;
import dev.faultline.safety.baseline.ProbeMeasurement;
import dev.faultline.safety.baseline.ProbeMeasurements;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * HISTORICAL_NORM: each probe's value now beside its norm for this hour of the week ({@link Norm}: median and band
 * of the same hour in past weeks), blocking when it lies beyond the band by more than the allowed deviation
 * ({@link Deviation}). An HTTP probe's measurement now (this preflight's, shared with BASELINE_HEALTH:
 * {@link ProbeMeasurements}) has its median latency compared with the latencies of its background samples
 * ({@link ProbeHistory}; too slow only), its error rate with their error share plus a margin; a METRIC probe with
 * {@code source=prometheus} is asked now (an instant query of its expression) and compared, on either side, with its
 * past read by range queries ({@link PrometheusHistory}).
 * A probe without enough past values says so and does not block; the check names it in the detail
 * {@value #NO_HISTORY}, which APPROVAL reads (where {@code approver-without-history} asks, such a plan needs an
 * approver). Scrape-form METRIC and LOG probes keep no history.
 */
public final class HistoricalNormCheck {

    /** The detail naming the probes with no history yet (comma-separated), absent when every probe has one. */
    public static final String NO_HISTORY = "noHistory";

    private static final PreflightCheckKind KIND = PreflightCheckKind.HISTORICAL_NORM;

    /** What one probe showed: a sentence, whether it blocks, and whether it had no history. */
    private record Assessment(String reason, boolean blocks, boolean noHistory) {
    }

    private final ProbeHistory history;
    private final PrometheusHistory prometheusHistory;
    private final PromQlClient prometheus;
    private final NormSettings settings;

    public HistoricalNormCheck(ProbeHistory history, PrometheusHistory prometheusHistory, PromQlClient prometheus,
                               NormSettings settings) {
        this.history = history;
        this.prometheusHistory = prometheusHistory;
        this.prometheus = prometheus;
        this.settings = settings;
    }

    public CheckResult check(Plan plan, Instant now, ProbeMeasurements measurements) throws InterruptedException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("hourOfWeek", HourOfWeek.of(now).label());
        List<Assessment> assessed = new ArrayList<>();
        List<String> noHistory = new ArrayList<>();
        for (Probe probe : plan.probes()) {
            Assessment a;
            if (probe.isHttp()) {
                a = http(new ProbeKey(plan.environment(), plan.service(), probe.probeId()), probe, now, measurements,
                        details);
            } else if ("METRIC".equals(probe.kind()) && isPromQl(probe)) {
                a = metric(probe, now, details);
            } else {
                details.put(probe.probeId() + ".norm", "none: only HTTP probes and METRIC probes with"
                        + " source=prometheus have a history");
                continue;
            }
            assessed.add(a);
            if (a.noHistory()) {
                noHistory.add(probe.probeId());
            }
        }
        if (!noHistory.isEmpty()) {
            details.put(NO_HISTORY, String.join(",", noHistory));
        }
        List<String> blocking = assessed.stream().filter(Assessment::blocks).map(Assessment::reason).toList();
        if (!blocking.isEmpty()) {
            return CheckResult.failed(KIND, String.join("; ", blocking), details);
        }
        if (assessed.isEmpty()) {
            return CheckResult.passed(KIND, "no probe of the plan keeps a history (HTTP, or METRIC with"
                    + " source=prometheus)", details);
        }
        return CheckResult.passed(KIND, String.join("; ", assessed.stream().map(Assessment::reason).toList()), details);
    }

    private Assessment http(ProbeKey key, Probe probe, Instant now, ProbeMeasurements measurements,
                            Map<String, String> details) throws InterruptedException {
        String id = probe.probeId();
        Instant since = HourOfWeek.startOf(now).minus(HourOfWeek.WEEK.multipliedBy(settings.weeks()))
                .minus(Duration.ofHours(1));
        HourOfWeek hour = HourOfWeek.of(now);
        List<ProbeHistory.Sample> past = new ArrayList<>();
        for (HourOfWeek h : List.of(hour.plus(-1), hour, hour.plus(1))) {
            past.addAll(history.samples(key, h, since));
        }
        Bucket all = Bucket.select(now, past.stream().map(s -> new Timed(s.at(), s.ok() ? 0 : 1)).toList(),
                settings.minSamples());
        if (all.values().size() < settings.minSamples()) {
            return noHistory(id, all, details);
        }
        double errorShare = all.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Bucket latencies = Bucket.of(now, past.stream().filter(ProbeHistory.Sample::ok)
                .map(s -> new Timed(s.at(), s.latencyMillis())).toList(), all.widened());
        ProbeMeasurement measured = measurements.of(probe);
        double errorRate = measured.errorRate();
        details.put(id + ".now.errorRate", String.format("%.3f", errorRate));
        details.put(id + ".norm.errorShare", String.format("%.3f", errorShare));
        details.put(id + ".norm.samples", Integer.toString(all.values().size()));
        details.put(id + ".norm.weeks", Integer.toString(all.weeks()));
        details.put(id + ".norm.hours", all.describe());
        List<String> problems = new ArrayList<>();
        List<String> said = new ArrayList<>();
        String errors = String.format("error rate %.2f now vs %.2f at %s in past weeks", errorRate, errorShare,
                all.describe());
        if (errorRate > errorShare + settings.errorRateMargin()) {
            problems.add(String.format("%s (+ margin %.2f = %.2f)", errors, settings.errorRateMargin(),
                    errorShare + settings.errorRateMargin()));
        } else {
            said.add(errors);
        }
        List<Double> okNow = measured.answers().stream().filter(ProbeAnswer::ok).map(ProbeAnswer::latencyMillis)
                .sorted().toList();
        if (okNow.isEmpty() || latencies.values().isEmpty()) {
            said.add("latency not compared (" + (okNow.isEmpty() ? "no request succeeded now"
                    : "no request succeeded in its history") + ")");
        } else {
            double median = Norm.rank(okNow, 0.5);
            Norm norm = Norm.of(latencies, settings.bandLow(), settings.bandHigh());
            Deviation deviation = Deviation.of(median, norm, settings.maxDeviation(), settings.minBandShare(), true);
            details.put(id + ".now.medianMillis", String.format("%.1f", median));
            details.put(id + ".norm.medianMillis", String.format("%.1f", norm.median()));
            details.put(id + ".norm.bandMillis", String.format("%.1f-%.1f", norm.low(), norm.high()));
            details.put(id + ".norm.limitMillis", String.format("%.1f", deviation.limit()));
            String latency = "median latency " + Norm.number(median) + " ms now vs " + norm.describe(" ms") + ": "
                    + deviation.describe(" ms");
            (deviation.beyond() ? problems : said).add(latency);
        }
        return problems.isEmpty() ? new Assessment(id + ": " + String.join("; ", said), false, false)
                : new Assessment(id + ": " + String.join("; ", problems), true, false);
    }

    private Assessment metric(Probe probe, Instant now, Map<String, String> details) throws InterruptedException {
        String id = probe.probeId();
        PromQuery query;
        try {
            query = PromQuery.of(probe.parameters());
        } catch (IllegalArgumentException e) {
            // BASELINE_HEALTH blocks on an unreadable source; here there is nothing to compare
            return noHistory(id, id + ": " + e.getMessage(), details);
        }
        Duration timeout = probe.preflightTimeout();
        PrometheusHistory.Past past = prometheusHistory.past(probe.url(), query.query(), now, settings.weeks(),
                settings.metricStep(), timeout);
        if (past.problem() != null) {
            return noHistory(id, "no history for probe " + id + " at " + HourOfWeek.of(now).label() + ": "
                    + past.problem(), details);
        }
        Bucket bucket = Bucket.select(now, past.values(), settings.minSamples());
        if (bucket.values().size() < settings.minSamples()) {
            return noHistory(id, bucket, details);
        }
        Norm norm = Norm.of(bucket, settings.bandLow(), settings.bandHigh());
        details.put(id + ".norm.median", Norm.number(norm.median()));
        details.put(id + ".norm.band", Norm.number(norm.low()) + "-" + Norm.number(norm.high()));
        details.put(id + ".norm.samples", Integer.toString(norm.samples()));
        details.put(id + ".norm.weeks", Integer.toString(bucket.weeks()));
        details.put(id + ".norm.hours", bucket.describe());
        PromResult current;
        try {
            current = prometheus.ask(probe.url(), new PromQuery(query.query(), null, null), timeout, Map.of()).get()
                    .result();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the PromQL client completed exceptionally", e.getCause());
        }
        if (!current.hasValue()) {
            return new Assessment(id + ": no value now (" + current.reason() + "), not compared with "
                    + norm.describe(""), false, false);
        }
        Deviation deviation = Deviation.of(current.value(), norm, settings.maxDeviation(), settings.minBandShare(),
                false);
        details.put(id + ".now", Norm.number(current.value()));
        details.put(id + ".norm.limit", Norm.number(deviation.limit()));
        return new Assessment(id + ": " + Norm.number(current.value()) + " now vs " + norm.describe("") + ": "
                + deviation.describe(""), deviation.beyond(), false);
    }

    private Assessment noHistory(String id, Bucket bucket, Map<String, String> details) {
        return noHistory(id, "no history for probe " + id + " at " + bucket.hour().label() + ": "
                + bucket.values().size() + (bucket.values().size() == 1 ? " sample" : " samples") + " in the past "
                + settings.weeks() + " weeks (that hour and the"
                + " hours either side), needs " + settings.minSamples(), details);
    }

    private static Assessment noHistory(String id, String reason, Map<String, String> details) {
        details.put(id + ".norm", "no history");
        return new Assessment(reason, false, true);
    }

    private static boolean isPromQl(Probe probe) {
        try {
            return MetricSource.of(probe.parameters()) == MetricSource.PROMETHEUS;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
