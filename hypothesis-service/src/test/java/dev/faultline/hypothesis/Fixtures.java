package dev.faultline.hypothesis;

import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.knowledge.Incidents;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.lint.PhaseLengths;
import dev.faultline.hypothesis.proposal.HypothesisDrafter;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Shared test data: the demo's storefront, a generic API, and the example proposal. */
public final class Fixtures {

    public static final long MAX_DURATION_MILLIS = 600_000;
    /** The injector's default BEFORE and AFTER phases (hypothesis-service's defaults too). */
    public static final PhaseLengths PHASES = new PhaseLengths(5000, 3000);
    public static final Target STOREFRONT = new Target("storefront", "http-storefront", "http://127.0.0.1:18080",
            List.of("pricing"), "/health");
    public static final Target INVENTORY = new Target("inventory", "http-api", "http://inventory:9000/",
            List.of("db-proxy"), "/status");

    private Fixtures() {
    }

    public static Targets targets() {
        return new Targets(List.of(STOREFRONT, INVENTORY));
    }

    public static HypothesisLinter linter() {
        return new HypothesisLinter(MAX_DURATION_MILLIS, PHASES);
    }

    public static HypothesisDrafter drafter() {
        return new HypothesisDrafter(targets(), FailureModeCatalog.builtIn(), linter(),
                30_000, new Incidents(), new KnownBehaviours(), Clock.systemUTC());
    }

    /** The example: pricing unreachable for the storefront in staging, proposed by demo-user. */
    public static Proposal example(String experimentId) {
        return new Proposal(experimentId, "storefront", FaultType.NETWORK_BLACKHOLE, "pricing", Environment.STAGING,
                "demo-user", ProposalReason.ROUTINE, "storefront must survive a pricing outage", 30_000L, Map.of());
    }

    public static Proposal withLabels(Proposal p, Map<String, String> labels) {
        return new Proposal(p.experimentId(), p.service(), p.faultType(), p.dependency(), p.environment(), p.proposer(),
                p.reason(), p.motivation(), p.requestedDurationMillis(), labels);
    }

    /** The example's drafted hypothesis, a valid base for the invalid fixtures. */
    public static Hypothesis exampleHypothesis() {
        var result = drafter().draft(example("exp-fixture"));
        return ((dev.faultline.hypothesis.proposal.DraftResult.Drafted) result).hypothesis();
    }
}
