package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.ArrayList;
import java.util.List;

/** The blast radius must be bounded: a known environment, named targets, and a share of traffic within (0, 1]. */
public final class BlastRadiusRule implements HypothesisRule {

    @Override
    public List<Finding> check(Hypothesis h) {
        BlastRadius radius = h.getBlastRadius();
        List<Finding> findings = new ArrayList<>();
        double share = radius.getTrafficShare();
        if (!(share > 0 && share <= 1)) {
            findings.add(Finding.of(LintRule.UNBOUNDED_BLAST_RADIUS, "blastRadius.trafficShare",
                    "the share of traffic affected must be greater than 0 and at most 1, was " + share));
        }
        if (radius.getTargets().isEmpty()) {
            findings.add(Finding.of(LintRule.UNBOUNDED_BLAST_RADIUS, "blastRadius.targets",
                    "name the service or link the fault is confined to"));
        }
        if (radius.getEnvironment() == Environment.UNKNOWN) {
            findings.add(Finding.of(LintRule.UNBOUNDED_BLAST_RADIUS, "blastRadius.environment",
                    "name the environment (DEVELOPMENT, TEST, STAGING, PRODUCTION) the experiment runs in"));
        }
        return findings;
    }
}
