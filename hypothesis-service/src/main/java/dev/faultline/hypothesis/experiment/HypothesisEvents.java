package dev.faultline.hypothesis.experiment;

import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.ReviewDecision;
import java.util.List;

/**
 * The events hypothesis-service writes (port). Each call publishes durably, answering {@code cause}, and returns
 * the event as published.
 */
public interface HypothesisEvents {

    HypothesisDrafted drafted(EventHeader cause, int revision, Hypothesis hypothesis, String changeSummary,
                              List<Finding> warnings);

    HypothesisRejected rejected(EventHeader cause, Integer revision, List<Finding> findings);

    PlanReviewed reviewed(EventHeader cause, int revision, String reviewer, ReviewDecision decision, String comment);

    PlanApproved approved(EventHeader cause, int revision, String reviewer);
}
