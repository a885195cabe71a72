package dev.faultline.cli.replay;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which rule a recorded verdict is recomputed by, as analysis-service chose it. */
class VerdictInputsTest {

    private static final String EXP = "exp-lost";
    private static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-00000000001a");

    private final ExperimentTrail trail = new ExperimentTrail(EXP, T0);
    private final InjectionRecord injection = new InjectionRecord(INJ);

    VerdictInputsTest() {
        trail.revisions.put(2, EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions()));
        injection.started = EvaluationFixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(12));
        trail.injections.put(INJ, injection);
    }

    /**
     * The injector was killed and restarted within the watchdog's grace (the reliability suite): its recovery's
     * InjectionStopped(LOST) came first and analysis-service judged the run on that stop, not by the watchdog's rule.
     */
    @Test
    void shouldRecomputeAVerdictThatAnsweredTheRestartedInjectorsLostStopAsAStop() {
        injection.stopped = EvaluationFixtures.stopped(EXP, INJ, StopReason.LOST, T0, T0.plusSeconds(14), null);

        VerdictInputs.Found found = VerdictInputs.of(trail, lostVerdict(injection.stopped.getHeader().getEventId()),
                Duration.ofSeconds(90));

        assertThat(found.rule()).isEqualTo("stopped");
        assertThat(found.inputs()).isInstanceOf(Recompute.Stopped.class);
    }

    @Test
    void shouldRecomputeTheWatchdogsVerdictByTheLostRuleEvenWithALateStop() {
        injection.stopped = EvaluationFixtures.stopped(EXP, INJ, StopReason.LOST, T0, T0.plusSeconds(40), null);

        VerdictInputs.Found found = VerdictInputs.of(trail, lostVerdict(injection.started.getHeader().getEventId()),
                Duration.ofSeconds(90));

        assertThat(found.rule()).isEqualTo("lost injector");
        assertThat(found.inputs()).isInstanceOf(Recompute.Lost.class);
    }

    private static VerdictIssued lostVerdict(UUID answering) {
        EventHeader header = EvaluationFixtures.header(EXP, T0.plusSeconds(30));
        header.setCausationId(answering);
        return VerdictIssued.newBuilder().setHeader(header).setRevision(2).setService("storefront")
                .setFaultType(FaultType.NETWORK_BLACKHOLE).setEnvironment(Environment.STAGING)
                .setOutcome(VerdictOutcome.ABORTED).setInjectionId(INJ).setStopReason(StopReason.LOST)
                .setResults(List.of()).setSampleCount(0).setFollowUps(List.of()).setSummary("lost").build();
    }
}
