package dev.faultline.hypothesis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.LintRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proposal rules against named invalid proposals. */
class ProposalRulesTest {

    private final ProposalRules rules = new ProposalRules(Fixtures.targets(), FailureModeCatalog.builtIn());

    /** Named invalid proposals, each the example with one thing wrong. */
    static final class InvalidProposals {
        static Proposal blankService() {
            return change(p -> new Proposal(p.experimentId(), " ", p.faultType(), p.dependency(), p.environment(),
                    p.proposer(), p.reason(), p.motivation(), p.requestedDurationMillis(), p.labels()));
        }

        static Proposal unknownService() {
            return change(p -> new Proposal(p.experimentId(), "billing", p.faultType(), p.dependency(), p.environment(),
                    p.proposer(), p.reason(), p.motivation(), p.requestedDurationMillis(), p.labels()));
        }

        static Proposal unknownFaultType() {
            return withFault(FaultType.UNKNOWN, "pricing");
        }

        static Proposal noTemplate() {
            return withFault(FaultType.NETWORK_BANDWIDTH, "pricing");
        }

        static Proposal missingDependency() {
            return withFault(FaultType.NETWORK_BLACKHOLE, null);
        }

        static Proposal unknownDependency() {
            return withFault(FaultType.NETWORK_BLACKHOLE, "inventory");
        }

        static Proposal vagueMotivation() {
            return change(p -> new Proposal(p.experimentId(), p.service(), p.faultType(), p.dependency(), p.environment(),
                    p.proposer(), p.reason(), "test", p.requestedDurationMillis(), p.labels()));
        }

        static Proposal unreadableTrafficShare() {
            return Fixtures.withLabels(Fixtures.example("exp-bad"), Map.of("trafficShare", "half"));
        }

        static Proposal withFault(FaultType type, String dependency) {
            return change(p -> new Proposal(p.experimentId(), p.service(), type, dependency, p.environment(),
                    p.proposer(), p.reason(), p.motivation(), p.requestedDurationMillis(), p.labels()));
        }

        private static Proposal change(java.util.function.UnaryOperator<Proposal> f) {
            return f.apply(Fixtures.example("exp-bad"));
        }
    }

    private static void assertOnly(List<Finding> findings, LintRule rule, String path, String advice) {
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).rule()).isEqualTo(rule);
        assertThat(findings.get(0).path()).isEqualTo(path);
        assertThat(findings.get(0).message()).contains(advice);
    }

    @Test
    void shouldPassTheExample() {
        assertThat(rules.check(Fixtures.example("exp-ok"))).isEmpty();
    }

    @Test
    void shouldRejectProposalsForUnknownServices() {
        assertOnly(rules.check(InvalidProposals.blankService()), LintRule.UNSUPPORTED_FAULT, "service",
                "name the service");
        assertOnly(rules.check(InvalidProposals.unknownService()), LintRule.UNSUPPORTED_FAULT, "service",
                "unknown service 'billing'");
    }

    @Test
    void shouldRejectFaultTypesWithoutATemplate() {
        assertOnly(rules.check(InvalidProposals.unknownFaultType()), LintRule.UNSUPPORTED_FAULT, "faultType",
                "NETWORK_BLACKHOLE");
        assertOnly(rules.check(InvalidProposals.noTemplate()), LintRule.NO_TEMPLATE, "faultType",
                "no failure-mode template for NETWORK_BANDWIDTH on service type http-storefront");
    }

    @Test
    void shouldRequireAKnownDependencyForDependencyFailureModes() {
        assertOnly(rules.check(InvalidProposals.missingDependency()), LintRule.UNSUPPORTED_FAULT, "dependency",
                "name one of [pricing]");
        assertOnly(rules.check(InvalidProposals.unknownDependency()), LintRule.UNSUPPORTED_FAULT, "dependency",
                "'inventory' is not a known dependency of storefront");
    }

    @Test
    void shouldAskNoDependencyForAFaultOnTheServicesOwnHostButOneForAPauseOfADependency() {
        assertThat(rules.check(InvalidProposals.withFault(FaultType.CPU_EXHAUSTION, null))).isEmpty();
        assertOnly(rules.check(InvalidProposals.withFault(FaultType.PROCESS_PAUSE, null)), LintRule.UNSUPPORTED_FAULT,
                "dependency", "PROCESS_PAUSE is about a dependency: name one of [pricing]");
    }

    @Test
    void shouldRejectAVagueMotivation() {
        assertOnly(rules.check(InvalidProposals.vagueMotivation()), LintRule.OTHER, "motivation", "too vague");
    }

    @Test
    void shouldRejectAnUnreadableTrafficShare() {
        assertOnly(rules.check(InvalidProposals.unreadableTrafficShare()), LintRule.INVALID_PARAMETER,
                "labels.trafficShare", "'half'");
    }
}
