package dev.faultline.injector.evidence;

import dev.faultline.injector.probe.Sample;
import dev.faultline.kit.probe.LogQuery;
import dev.faultline.kit.probe.MetricQuery;
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
 * series it read and where it scraped them, per LOG probe the log and the window of lines it counted, and per HTTP
 * probe the trace of one of the batch's requests (each request is a span in the experiment's trace).
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
                references.add(reference(EvidenceReferenceKind.METRIC, probe.getTarget(), probe.getProbeId() + ": "
                        + describeMetric(probe) + BATCH + taken.size() + " scrapes from " + from + " to " + to));
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

    private static String describeMetric(ProbeSpec probe) {
        try {
            MetricQuery query = MetricQuery.of(probe.getParameters());
            return query.aggregate().name().toLowerCase(Locale.ROOT) + " of " + query.selector();
        } catch (IllegalArgumentException e) {
            return "an invalid query (" + e.getMessage() + ")";
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
