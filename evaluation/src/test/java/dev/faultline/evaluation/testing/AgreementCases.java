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
 * Random cases for the guardrail/verdict agreement property: samples of one probe in a window (with samples of
 * another probe and samples just before the window mixed in), a statistic with its status or header, a comparator,
 * a threshold — often one the samples make interesting (a latency, a share k/n summed with rounding noise, the
 * count, the throughput) — and the prediction's minimum number of samples.
 */
public final class AgreementCases {

    /** One drawn sample; {@code offsetMillis} is from the window's start, negative before it. */
    public record Drawn(long offsetMillis, String probeId, double latencyMillis, Integer status, boolean ok, List<String> headers) {
    }

    public record Case(List<Drawn> samples, long windowMillis, Statistic statistic, Integer status, String header,
                ComparisonOperator comparator, double threshold, int minSamples) {

        /** The samples both sides must select: probe {@code p}, inside the window. */
        public int selected() {
            return (int) samples.stream().filter(d -> d.probeId().equals("p") && d.offsetMillis() >= 0).count();
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

    private static Gen<Drawn> drawn(long window) {
        Gen<Long> offsets = Generate.frequency(
                Pair.of(6, Generate.longRange(0, window - 1)),
                Pair.of(1, Generate.longRange(-500, -1)));
        Gen<String> probes = Generate.frequency(Pair.of(6, Generate.constant("p")),
                Pair.of(1, Generate.constant("q")));
        Gen<Double> latencies = Generate.pick(LATENCIES).mix(doubles().between(0, 5000), 30);
        Gen<List<String>> headers = lists().of(Generate.pick(HEADERS)).ofSizeBetween(0, 2);
        return offsets.zip(probes, latencies, Generate.pick(STATUSES), (offset, probe, latency, status) ->
                        new Drawn(offset, probe, latency, status, false, List.of()))
                .zip(Generate.booleans(), headers, (d, ok, hs) ->
                        new Drawn(d.offsetMillis(), d.probeId(), d.latencyMillis(), d.status(), ok, hs));
    }

    /** Thresholds the statistic may hit exactly or within rounding noise, mixed with arbitrary ones. */
    private static Gen<Double> thresholds(Draft draft) {
        List<Drawn> selected = draft.samples().stream().filter(d -> d.probeId().equals("p") && d.offsetMillis() >= 0).toList();
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
