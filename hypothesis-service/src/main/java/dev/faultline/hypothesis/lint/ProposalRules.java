package dev.faultline.hypothesis.lint;

import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.failuremode.FailureModeTemplate;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a proposal must pass before a hypothesis can be drafted from it: a known service, a fault type with
 * a template for the service's type, the dependency the template needs, a real motivation and a readable share.
 */
public final class ProposalRules {

    static final int MIN_MOTIVATION_LENGTH = 10;

    private final Targets targets;
    private final FailureModeCatalog catalog;

    public ProposalRules(Targets targets, FailureModeCatalog catalog) {
        this.targets = targets;
        this.catalog = catalog;
    }

    public List<Finding> check(Proposal p) {
        List<Finding> findings = new ArrayList<>();
        motivation(p, findings);
        trafficShare(p, findings);
        if (p.service() == null || p.service().isBlank()) {
            findings.add(Finding.of(LintRule.UNSUPPORTED_FAULT, "service", "name the service to experiment on; known: "
                    + targets.names(p.environment())));
            return findings;
        }
        Optional<Target> target = targets.find(p.environment(), p.service());
        if (target.isEmpty()) {
            findings.add(Finding.of(LintRule.UNSUPPORTED_FAULT, "service", "unknown service '" + p.service() + "' in "
                    + p.environment() + "; declare it in a targets file (faultline targets apply) or use one of "
                    + targets.names(p.environment())));
            return findings;
        }
        template(p, target.get(), findings);
        return findings;
    }

    private void template(Proposal p, Target target, List<Finding> findings) {
        if (p.faultType() == null || p.faultType() == FaultType.UNKNOWN) {
            findings.add(Finding.of(LintRule.UNSUPPORTED_FAULT, "faultType", "name the fault type; supported for "
                    + target.name() + ": " + catalog.faultTypesFor(target.type())));
            return;
        }
        Optional<FailureModeTemplate> template = catalog.find(p.faultType(), target.type());
        if (template.isEmpty()) {
            findings.add(Finding.of(LintRule.NO_TEMPLATE, "faultType", "no failure-mode template for " + p.faultType()
                    + " on service type " + target.type() + "; supported: " + catalog.faultTypesFor(target.type())));
            return;
        }
        if (!template.get().needsDependency()) {
            return;
        }
        if (p.dependency() == null || p.dependency().isBlank()) {
            findings.add(Finding.of(LintRule.UNSUPPORTED_FAULT, "dependency", p.faultType()
                    + " is about a dependency: name one of " + target.dependencies()));
        } else if (!target.dependsOn(p.dependency())) {
            findings.add(Finding.of(LintRule.UNSUPPORTED_FAULT, "dependency", "'" + p.dependency()
                    + "' is not a known dependency of " + target.name() + "; use one of " + target.dependencies()));
        }
    }

    private static void motivation(Proposal p, List<Finding> findings) {
        if (p.motivation().strip().length() < MIN_MOTIVATION_LENGTH) {
            findings.add(Finding.of(LintRule.OTHER, "motivation", "the motivation is too vague ('" + p.motivation().strip()
                    + "'): say in at least " + MIN_MOTIVATION_LENGTH + " characters why this experiment is worth running"));
        }
    }

    private static void trafficShare(Proposal p, List<Finding> findings) {
        String share = p.label(Proposal.TRAFFIC_SHARE_LABEL);
        if (share == null) {
            return;
        }
        try {
            Double.parseDouble(share.trim());
        } catch (NumberFormatException e) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "labels.trafficShare",
                    "trafficShare must be a number in (0, 1], was '" + share + "'"));
        }
    }
}
