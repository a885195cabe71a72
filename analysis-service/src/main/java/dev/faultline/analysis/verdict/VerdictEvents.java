package dev.faultline.analysis.verdict;

import dev.faultline.evaluation.Verdict;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.VerdictIssued;

/** Maps a domain {@link Verdict} to the VerdictIssued event that announces it. */
public final class VerdictEvents {

    private VerdictEvents() {
    }

    public static VerdictIssued toEvent(Verdict verdict, EventHeader header) {
        return VerdictIssued.newBuilder()
                .setHeader(header)
                .setRevision(verdict.revision())
                .setService(verdict.service())
                .setFaultType(verdict.faultType())
                .setEnvironment(verdict.environment())
                .setOutcome(verdict.outcome())
                .setInjectionId(verdict.injectionId())
                .setStopReason(verdict.stopReason())
                .setResults(verdict.results())
                .setSampleCount(verdict.sampleCount())
                .setFollowUps(verdict.followUps())
                .setSummary(verdict.summary())
                .build();
    }
}
