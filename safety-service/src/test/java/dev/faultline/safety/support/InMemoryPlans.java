package dev.faultline.safety.support;

import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The approved plans of other experiments, for the rule tests that read them (the blast budget, staging first). */
public final class InMemoryPlans implements PlanBook {

    private final Map<String, Plan> approved = new ConcurrentHashMap<>();

    public void approve(Plan plan) {
        approved.put(plan.experimentId(), plan);
    }

    @Override
    public Optional<ApprovedPlan> approvedPlan(String experimentId) {
        return Optional.ofNullable(approved.get(experimentId)).map(p -> new ApprovedPlan(p, "alice"));
    }

    @Override
    public Optional<Plan> latest(String experimentId) {
        return Optional.ofNullable(approved.get(experimentId));
    }

    @Override
    public void saveDraft(String experimentId, int revision, Hypothesis hypothesis, EventHeader header) {
        throw new UnsupportedOperationException("the rule tests read plans only");
    }

    @Override
    public Optional<EventHeader> draftHeader(String experimentId, int revision) {
        return Optional.empty();
    }

    @Override
    public void proposedBy(String experimentId, String person) {
        throw new UnsupportedOperationException("the rule tests read plans only");
    }

    @Override
    public void draftedFor(String experimentId, String person) {
        throw new UnsupportedOperationException("the rule tests read plans only");
    }

    @Override
    public void approved(String experimentId, int revision) {
        throw new UnsupportedOperationException("the rule tests read plans only");
    }

    @Override
    public String proposer(String experimentId) {
        return "alice";
    }
}
