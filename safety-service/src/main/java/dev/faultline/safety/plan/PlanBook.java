package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Hypothesis;
import java.util.Optional;

/**
 * Port: the hypotheses safety-service has seen, per (experiment, revision), who proposed each experiment and which
 * revision was approved in review. Written only from events, and every write is an upsert, so that applying an
 * event again changes nothing.
 */
public interface PlanBook {

    void saveDraft(String experimentId, int revision, Hypothesis hypothesis);

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
