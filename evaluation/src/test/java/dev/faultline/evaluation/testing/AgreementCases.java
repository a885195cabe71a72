package dev.faultline.evaluation.testing;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random cases for the guardrail/verdict agreement property: samples of one probe sent in a window, some answered
 * after its end (with samples of another probe and samples answered just before the window mixed in), a statistic
 * with its status or header, a comparator, a threshold — often one the samples make interesting (a latency, a share
 * k/n summed with rounding noise, the count, the throughput) — and the prediction's minimum number of samples.
 *
 * <p>A guardrail windows samples by when their answers arrived, a prediction by when their requests went out (with
 * the answers that came after the fault's removal left out): over a window that ends at the removal both select the
 * samples sent in it and answered by its end. They differ only on a sample sent before the window and answered in
 * it, so the samples of probe {@code p} before the window are drawn by their answer's time, before the window starts.
 */
public final class AgreementCases {

    /** One drawn sample; {@code offsetMillis} (when it was sent) is from the window's start, negative before it. */
    public record Drawn(long offsetMillis, String probeId, double latencyMillis, Integer status, boolean ok, List<String> headers) {

        /** Whether this is a sample of probe {@code p} sent in a window of that length and answered by its end. */
        boolean selectedIn(long windowMillis) {
            return probeId.equals("p") && offsetMillis >= 0 && offsetMillis + latencyMillis <= windowMillis;
        }
    }

    public record Case(List<Drawn> samples, long windowMillis, Statistic statistic, Integer status, String header,
                ComparisonOperator comparator, double threshold, int minSamples) {

        /** The samples both sides must select: probe {@code p}, sent in the window and answered by its end. */
        public int selected() {
            return (int) samples.stream().filter(d -> d.selectedIn(windowMillis)).count();
        }

        /** The samples of probe {@code p} sent in the window and not answered by its end: both sides leave them out. */
        public int answeredAfter() {
            return (int) samples.stream().filter(d -> d.probeId().equals("p") && d.offsetMillis() >= 0
                    && !d.selectedIn(windowMillis)).count();
        }
    }

    private record Draft(List<Drawn> samples, long windowMillis, Statistic statistic, Integer status, String header,
                         ComparisonOperator comparator) {
    }

    private static final List<Double> LATENCIES = List.of(0.0, 3.0, 5.0, 5.0, 12.5, 100.0, 800.0, 800.0, 1203.0, 3000.0);
    private static final List<Integer> STATUSES = Arrays.asList(null, 200, 204, 302, 404, 500, 503, 503);
    private static final List<String> HEADERS = List.of("retry-after", "Retry-After: 5", "content-type", "X-Cache: hit");

    private AgreementCases() {
    }

    public static Gen<Case> cases() {
        return drafts().flatMap(draft -> thresholds(draft).zip(integers().between(0, 70), (threshold, minSamples) ->
                new Case(draft.samples(), draft.windowMillis(), draft.statistic(), draft.status(), draft.header(),
                        draft.comparator(), threshold, minSamples)));
    }

    private static Gen<Draft> drafts() {
        Gen<Long> windows = Generate.pick(List.of(200L, 1000L, 3000L, 7000L));
        Gen<Integer> statuses = Generate.pick(Arrays.asList(null, 503, 200, 404));
        Gen<String> headers = Generate.pick(Arrays.asList(null, "Retry-After", "retry-after", "x-cache", " "));
        return windows.flatMap(window -> lists().of(drawn(window)).ofSizeBetween(0, 60)
                .zip(Generate.enumValues(Statistic.class), statuses, headers, Generate.enumValues(ComparisonOperator.class),
                        (samples, statistic, status, header, comparator) ->
                                new Draft(samples, window, statistic, status, header, comparator)));
    }

    /** When a drawn sample was sent and answered, relative to the window. */
    private enum Timing {
        /** sent in the window and answered by its end (at the latest exactly at it) */
        ANSWERED_IN,
        /** sent in the window with any latency: answered in it or after its end */
        SENT_IN,
        /** answered before the window */
        BEFORE
    }

    private static Gen<Drawn> drawn(long window) {
        Gen<Timing> timings = Generate.frequency(Pair.of(4, Generate.constant(Timing.ANSWERED_IN)),
                Pair.of(2, Generate.constant(Timing.SENT_IN)), Pair.of(1, Generate.constant(Timing.BEFORE)));
        Gen<Long> offsets = Generate.longRange(0, window - 1);
        Gen<Long> before = Generate.longRange(-500, -1);
        Gen<String> probes = Generate.frequency(Pair.of(6, Generate.constant("p")),
                Pair.of(1, Generate.constant("q")));
        Gen<Double> latencies = Generate.pick(LATENCIES).mix(doubles().between(0, 5000), 30);
        Gen<List<String>> headers = lists().of(Generate.pick(HEADERS)).ofSizeBetween(0, 2);
        Gen<Drawn> timed = timings.zip(offsets, before, latencies, (timing, offset, early, latency) -> switch (timing) {
            case ANSWERED_IN -> new Drawn(offset, "p", Math.min(latency, window - offset), null, false, List.of());
            case SENT_IN -> new Drawn(offset, "p", latency, null, false, List.of());
            case BEFORE -> new Drawn(early - (long) Math.ceil(latency), "p", latency, null, false, List.of());
        });
        // q, which both sides leave out, is sent before the window and answered before, in or after it
        return timed.zip(probes, before, (d, probe, early) -> new Drawn(
                        probe.equals("q") && d.offsetMillis() < 0 ? early : d.offsetMillis(), probe, d.latencyMillis(),
                        null, false, List.of()))
                .zip(Generate.pick(STATUSES), Generate.booleans(), headers, (d, status, ok, hs) ->
                        new Drawn(d.offsetMillis(), d.probeId(), d.latencyMillis(), status, ok, hs));
    }

    /** Thresholds the statistic may hit exactly or within rounding noise, mixed with arbitrary ones. */
    private static Gen<Double> thresholds(Draft draft) {
        List<Drawn> selected = draft.samples().stream().filter(d -> d.selectedIn(draft.windowMillis())).toList();
        int n = selected.size();
        List<Double> candidates = new ArrayList<>(List.of(0.0, 0.5, 1.0, (double) n, n * 1000.0 / draft.windowMillis()));
        selected.forEach(d -> candidates.add(d.latencyMillis()));
        for (int k = 0; k <= n; k++) {
            double noisy = 0;
            for (int i = 0; i < k; i++) {
                noisy += 1.0 / n;
            }
            candidates.add(noisy);
            candidates.add(k / (double) n + 1e-12);
            candidates.add(k / (double) n - 1e-6);
        }
        return Generate.pick(candidates).mix(doubles().between(-1, 6000), 25);
    }
}
