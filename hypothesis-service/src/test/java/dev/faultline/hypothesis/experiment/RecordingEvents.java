package dev.faultline.hypothesis.experiment;

import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.ReviewDecision;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;

/** {@link HypothesisEvents} that records what would have been published, for unit tests. */
public final class RecordingEvents implements HypothesisEvents {

    public final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public HypothesisDrafted drafted(EventHeader cause, int revision, Hypothesis hypothesis, String changeSummary,
                                     List<Finding> warnings) {
        return record(HypothesisDrafted.newBuilder().setHeader(header(cause)).setRevision(revision)
                .setHypothesis(hypothesis).setChangeSummary(changeSummary).setWarnings(lint(warnings)).build());
    }

    @Override
    public HypothesisRejected rejected(EventHeader cause, Integer revision, List<Finding> findings) {
        return record(HypothesisRejected.newBuilder().setHeader(header(cause)).setRevision(revision)
                .setFindings(lint(findings)).build());
    }

    @Override
    public PlanReviewed reviewed(EventHeader cause, int revision, String reviewer, ReviewDecision decision, String comment) {
        return record(PlanReviewed.newBuilder().setHeader(header(cause)).setRevision(revision)
                .setReviewer(Actors.person(reviewer)).setDecision(decision).setComments(List.of()).build());
    }

    @Override
    public PlanApproved approved(EventHeader cause, int revision, String reviewer) {
        return record(PlanApproved.newBuilder().setHeader(header(cause)).setRevision(revision)
                .setReviewers(List.of(Actors.person(reviewer))).build());
    }

    public <T extends SpecificRecord> List<T> of(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static EventHeader proposalHeader(String experimentId, String proposer) {
        return EventHeaders.first(experimentId, Actors.person(proposer), Clock.systemUTC());
    }

    private EventHeader header(EventHeader cause) {
        return EventHeaders.answering(cause, Actors.service("hypothesis-service"), clock);
    }

    private <T extends SpecificRecord> T record(T event) {
        published.add(event);
        return event;
    }

    private static List<LintFinding> lint(List<Finding> findings) {
        return findings.stream().map(f -> LintFinding.newBuilder().setRule(f.rule()).setMessage(f.message())
                .setPath(f.path()).build()).toList();
    }
}
