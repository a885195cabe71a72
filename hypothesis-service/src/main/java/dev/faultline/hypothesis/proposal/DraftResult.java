package dev.faultline.hypothesis.proposal;

import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.schemas.avro.Hypothesis;
import java.util.List;

/** The outcome of drafting a proposal: a hypothesis ready for review, or the reasons it cannot be one. */
public sealed interface DraftResult {

    /** A hypothesis that passed lint, with findings that did not block it. */
    record Drafted(Hypothesis hypothesis, List<Finding> warnings) implements DraftResult {
    }

    /**
     * A proposal that cannot be run as proposed.
     *
     * @param revision null when no hypothesis could be drafted at all, 1 when the draft failed lint
     */
    record Rejected(Integer revision, List<Finding> findings) implements DraftResult {
    }
}
