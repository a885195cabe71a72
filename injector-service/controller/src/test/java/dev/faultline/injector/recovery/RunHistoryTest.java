package dev.faultline.injector.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.evidence.KafkaInjectionEvents;
import dev.faultline.injector.run.InMemoryRunStore;
import dev.faultline.injector.run.RunOutcome;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The injector's store restored from the topics claims every clearance that ran and reopens what never stopped. */
class RunHistoryTest {

    private final RunHistory history = new RunHistory();
    private final InMemoryRunStore store = new InMemoryRunStore();

    @Test
    void shouldClaimEveryClearanceThatRanAndNoOther() {
        PreflightPassed completed = Fixtures.signedPreflight("exp-done", 1);
        PreflightPassed failedBeforeStart = Fixtures.signedPreflight("exp-failed", 1);
        PreflightPassed neverRun = Fixtures.signedPreflight("exp-expired", 1);
        history.add(completed);
        history.add(started(completed));
        history.add(stopped(injectionOf(completed), StopReason.COMPLETED));
        history.add(failedBeforeStart);
        history.add(stopped(injectionOf(failedBeforeStart), StopReason.FAILED));
        history.add(neverRun);

        assertThat(history.restoreInto(store)).isEqualTo(2);
        assertThat(store.claimedBy(clearanceOf(completed))).contains(injectionOf(completed));
        assertThat(store.claimedBy(clearanceOf(failedBeforeStart))).contains(injectionOf(failedBeforeStart));
        assertThat(store.claimedBy(clearanceOf(neverRun))).isEmpty();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void shouldRecordAnInjectionStartedAndNeverStoppedAsActiveForTheLeftOverRecovery() {
        PreflightPassed open = Fixtures.signedPreflight("exp-open", 1);
        history.add(started(open));
        history.add(open);

        history.restoreInto(store);

        assertThat(store.active()).singleElement().satisfies(a -> {
            assertThat(a.record().injectionId()).isEqualTo(injectionOf(open));
            assertThat(a.record().experimentId()).isEqualTo("exp-open");
            assertThat(a.record().holder()).isEqualTo(RunRequest.holderOf(injectionOf(open)));
            assertThat(a.owner()).as("nobody's: whoever ran it is gone").isNull();
        });
        assertThat(store.claimedBy(clearanceOf(open))).contains(injectionOf(open));
    }

    private static UUID clearanceOf(PreflightPassed passed) {
        return passed.getClearance().getClearanceId();
    }

    private static UUID injectionOf(PreflightPassed passed) {
        return RunRequest.injectionIdOf(clearanceOf(passed));
    }

    private static InjectionStarted started(PreflightPassed passed) {
        Instant now = Instant.now();
        return InjectionStarted.newBuilder().setHeader(header(passed)).setRevision(1).setInjectionId(injectionOf(passed))
                .setClearanceId(clearanceOf(passed))
                .setFault(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 3000, Map.of()))
                .setController("injector-service").setLeaseExpiresAt(now.plusSeconds(3)).setDeadline(now.plusSeconds(3))
                .setStopActionVerified(true).build();
    }

    private static InjectionStopped stopped(UUID injectionId, StopReason reason) {
        Instant now = Instant.now();
        RunOutcome outcome = new RunOutcome(reason, null, null, "test", now, now, true, 0, null, null, now);
        return KafkaInjectionEvents.stoppedEvent(EventHeaders.first("exp", Actors.service("injector-service"),
                Clock.systemUTC()), injectionId, outcome, 0L);
    }

    private static EventHeader header(PreflightPassed passed) {
        return EventHeaders.answering(passed.getHeader(), Actors.service("injector-service"), Clock.systemUTC());
    }
}
