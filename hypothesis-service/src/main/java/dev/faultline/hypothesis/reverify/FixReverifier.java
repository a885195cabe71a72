package dev.faultline.hypothesis.reverify;

import dev.faultline.hypothesis.experiment.Experiment;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-verifies a fix: when a FIX_SYSTEM follow-up reaches DONE (faultline.followups), the experiment that found the flaw
 * is proposed again (reason STALE_KNOWLEDGE: what the catalog knows predates the fix), through the normal review and
 * approval. Once per follow-up: the proposal's experiment id is derived from the follow-up's id, so a redelivered
 * change, a restart or a second instance finds it already proposed.
 */
public final class FixReverifier {

    private static final Logger LOG = LoggerFactory.getLogger(FixReverifier.class);

    private final Experiments experiments;
    private final ProposalEvents events;
    private final String serviceName;
    private final DailySlot window;

    /** @param window the daily window re-runs are proposed for, or null: once approved */
    public FixReverifier(Experiments experiments, ProposalEvents events, String serviceName, DailySlot window) {
        this.experiments = experiments;
        this.events = events;
        this.serviceName = serviceName;
        this.window = window;
    }

    /** {@code fixcheck-} and the follow-up's id: one re-verification per fixed follow-up. */
    public static String experimentIdOf(FollowUpStateChanged change) {
        return "fixcheck-" + change.getFollowUpId();
    }

    /** Proposes the re-run if {@code change} closes a FIX_SYSTEM follow-up as DONE and it is not proposed yet. */
    public synchronized Optional<Proposal> onChanged(FollowUpStateChanged change, Instant now) {
        if (change.getKind() != FollowUpKind.FIX_SYSTEM || change.getTo() != FollowUpState.DONE
                || change.getFrom() == FollowUpState.DONE) {
            return Optional.empty();
        }
        String id = experimentIdOf(change);
        if (experiments.known(id)) {
            return Optional.empty();
        }
        String found = change.getHeader().getExperimentId();
        Optional<Hypothesis> source = experiments.find(found).flatMap(Experiment::latest).map(HypothesisDrafted::getHypothesis);
        DailySlot.Occurrence slot = window == null ? null : window.next(now);
        Proposal proposal = new Proposal(id, change.getService(), change.getFaultType(),
                source.map(h -> h.getScenario().getTarget().getDependency()).orElse(null), change.getEnvironment(),
                serviceName, ProposalReason.STALE_KNOWLEDGE, "re-verify the fix of follow-up " + change.getFollowUpId()
                + " (FIX_SYSTEM), closed DONE by " + change.getHeader().getActor().getId()
                + (change.getNote() == null ? "" : " (" + change.getNote() + ")") + ", by re-running " + found,
                source.map(h -> h.getScenario().getDurationMillis()).orElse(null),
                source.map(h -> Map.of(Proposal.TRAFFIC_SHARE_LABEL, Double.toString(h.getBlastRadius().getTrafficShare())))
                        .orElse(Map.of()), null, slot == null ? null : slot.start(), slot == null ? null : slot.end());
        events.proposedByService(proposal);
        experiments.proposed(id, serviceName);
        LOG.info("follow-up {} fixed: proposed {} to re-run {}", change.getFollowUpId(), id, found);
        return Optional.of(proposal);
    }
}
