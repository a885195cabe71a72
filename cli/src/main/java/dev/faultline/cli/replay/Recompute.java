package dev.faultline.cli.replay;

import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Readiness;
import dev.faultline.evaluation.Verdict;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one place the replay calls the evaluation module: the verdict that an injection's recorded inputs give, by the
 * rule analysis-service issued it under (stopped, lost, refused or never started). The same call serves the check of
 * a recorded verdict and the re-evaluation under a policy (with the policy's hypothesis).
 */
final class Recompute {

    private Recompute() {
    }

    /** What a verdict is computed from; which fields are set says which rule applies. */
    sealed interface Inputs permits Stopped, Lost, Refused, NeverStarted {
    }

    /** An injection that stopped: judged on the batches its stop announced. */
    record Stopped(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence, InjectionStarted started,
                   InjectionStopped stopped) implements Inputs {
    }

    /** An injection whose injector sent no stop: judged on the batches captured up to its deadline. */
    record Lost(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence, InjectionStarted started)
            implements Inputs {
    }

    /** A clearance the injector refused; hypothesis null when the refused revision is not recorded. */
    record Refused(Hypothesis hypothesis, InjectionRefused refused) implements Inputs {
    }

    /** A clearance no injector took by {@code startBy}. */
    record NeverStarted(Hypothesis hypothesis, PreflightPassed cleared, UUID injectionId, Instant startBy)
            implements Inputs {
    }

    /** The verdict at the confidence level the recorded verdict was judged at ({@link Verdict#confidenceLevel()}). */
    static Verdict verdict(Inputs inputs, double level) {
        if (inputs instanceof Stopped s) {
            return Evaluator.evaluate(s.hypothesis(), s.revision(), Readiness.judged(s.stopped(), s.evidence()),
                    s.started(), s.stopped(), level);
        }
        if (inputs instanceof Lost l) {
            return Evaluator.lost(l.hypothesis(), l.revision(), l.evidence(), l.started(), level);
        }
        if (inputs instanceof Refused r) {
            return r.hypothesis() == null ? Evaluator.refused(r.refused())
                    : Evaluator.refused(r.hypothesis(), r.refused(), level);
        }
        NeverStarted n = (NeverStarted) inputs;
        return Evaluator.neverStarted(n.hypothesis(), n.cleared(), n.injectionId(), n.startBy(), level);
    }
}
