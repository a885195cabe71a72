package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import java.util.Optional;

/**
 * Port: the hypotheses safety-service has seen, per (experiment, revision), who proposed each experiment and which
 * revision was approved in review. Written only from events, and every write is an upsert, so that applying an
 * event again changes nothing.
 */
public interface PlanBook {

    /** A drafted revision, with the header of its HypothesisDrafted (what acts on the revision answer). */
    void saveDraft(String experimentId, int revision, Hypothesis hypothesis, EventHeader header);

    /** The header of the event that drafted {@code revision}: the experiment's trace goes on from it. */
    Optional<EventHeader> draftHeader(String experimentId, int revision);

    /** The proposer as named by the proposal event (takes precedence). */
    void proposedBy(String experimentId, String person);

    /** The proposer as named by the first draft's header, used when the proposal was not seen. */
    void draftedFor(String experimentId, String person);

    void approved(String experimentId, int revision);

    Optional<Plan> latest(String experimentId);

    /** Who proposed the experiment, or null when neither the proposal nor a draft named a person. */
    String proposer(String experimentId);

    Optional<ApprovedPlan> approvedPlan(String experimentId);
}
