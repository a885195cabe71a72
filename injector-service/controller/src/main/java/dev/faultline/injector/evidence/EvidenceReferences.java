package dev.faultline.injector.evidence;

import dev.faultline.injector.probe.Sample;
import dev.faultline.kit.probe.LogQuery;
import dev.faultline.kit.probe.MetricQuery;
import dev.faultline.kit.probe.MetricSource;
import dev.faultline.kit.probe.PromQuery;
import dev.faultline.schemas.avro.EvidenceReference;
import dev.faultline.schemas.avro.EvidenceReferenceKind;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a batch's evidence can be looked at again, for {@code EvidenceCaptured.references}: per METRIC probe the
 * series it read and where it scraped them — or, for a PromQL probe, the query and the Prometheus server it asked
 * (the URI is the API request without its time; the batch's part says at which times it was asked), per LOG probe
 * the log and the window of lines it counted, and per HTTP probe the trace of one of the batch's requests (each
 * request is a span in the experiment's trace).
 */
public final class EvidenceReferences {

    /** Separates what a reference is from the part that belongs to its batch alone. */
    public static final String BATCH = "; in this batch: ";

    private EvidenceReferences() {
    }

    public static List<EvidenceReference> of(List<ProbeSpec> probes, List<Sample> samples) {
        Map<String, List<Sample>> byProbe = new LinkedHashMap<>();
        samples.forEach(s -> byProbe.computeIfAbsent(s.probeId(), id -> new ArrayList<>()).add(s));
        List<EvidenceReference> references = new ArrayList<>();
        for (ProbeSpec probe : probes) {
            List<Sample> taken = byProbe.get(probe.getProbeId());
            if (taken == null) {
                continue;
            }
            Instant from = taken.stream().map(Sample::at).min(Instant::compareTo).orElseThrow();
            Instant to = taken.stream().map(Sample::at).max(Instant::compareTo).orElseThrow();
            if (probe.getKind() == ProbeKind.METRIC) {
                references.add(metric(probe, taken.size(), from, to));
            } else if (probe.getKind() == ProbeKind.LOG) {
                references.add(reference(EvidenceReferenceKind.LOG, probe.getTarget(), probe.getProbeId() + ": "
                        + describeLog(probe) + BATCH + "written from " + from + " to " + to));
            } else {
                taken.stream().map(Sample::traceId).filter(Objects::nonNull).findFirst().ifPresent(trace ->
                        references.add(reference(EvidenceReferenceKind.TRACE, "trace:" + trace, probe.getProbeId()
                                + ": one of its requests" + BATCH + taken.size() + " requests from " + from + " to " + to)));
            }
        }
        return references;
    }

    /** The series a METRIC probe scraped, or the PromQL query it asked of its Prometheus server. */
    private static EvidenceReference metric(ProbeSpec probe, int samples, Instant from, Instant to) {
        String id = probe.getProbeId();
        try {
            if (MetricSource.of(probe.getParameters()) == MetricSource.PROMETHEUS) {
                PromQuery query = PromQuery.of(probe.getParameters());
                return reference(EvidenceReferenceKind.METRIC, query.reference(probe.getTarget()), id + ": "
                        + query.describe() + " at " + probe.getTarget() + BATCH + samples + " queries at times from "
                        + from + " to " + to);
            }
            MetricQuery query = MetricQuery.of(probe.getParameters());
            return reference(EvidenceReferenceKind.METRIC, probe.getTarget(), id + ": "
                    + query.aggregate().name().toLowerCase(Locale.ROOT) + " of " + query.selector() + BATCH + samples
                    + " scrapes from " + from + " to " + to);
        } catch (IllegalArgumentException e) {
            return reference(EvidenceReferenceKind.METRIC, probe.getTarget(), id + ": an invalid query ("
                    + e.getMessage() + ")" + BATCH + samples + " samples from " + from + " to " + to);
        }
    }

    private static String describeLog(ProbeSpec probe) {
        try {
            return LogQuery.of(probe.getParameters()).describe();
        } catch (IllegalArgumentException e) {
            return "an invalid query (" + e.getMessage() + ")";
        }
    }

    private static EvidenceReference reference(EvidenceReferenceKind kind, String uri, String description) {
        return EvidenceReference.newBuilder().setKind(kind).setUri(uri).setDescription(description).build();
    }
}
