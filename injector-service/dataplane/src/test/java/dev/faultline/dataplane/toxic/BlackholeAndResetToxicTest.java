package dev.faultline.dataplane.toxic;

import static dev.faultline.dataplane.toxic.RecordingContext.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlackholeAndResetToxicTest {

    private final RecordingContext context = new RecordingContext();

    @Test
    void timeoutShouldDropDataAndNeverCloseWhenZero() {
        ToxicStage stage = new TimeoutToxic(0).newStage(context);
        stage.onData(bytes("hello"), context);
        context.scheduler.advanceMillis(3_600_000);
        assertThat(context.events).isEmpty();
        assertThat(context.discardedBytes).isEqualTo(5);
    }

    @Test
    void timeoutShouldCloseTheConnectionAfterItsTimeout() {
        new TimeoutToxic(500).newStage(context);
        context.scheduler.advanceMillis(499);
        assertThat(context.events).isEmpty();
        context.scheduler.advanceMillis(1);
        assertThat(context.events).containsExactly(new RecordingContext.Event("close", "", 500));
    }

    @Test
    void timeoutRemovalShouldCloseAConnectionWhoseBytesWereDropped() {
        ToxicStage stage = new TimeoutToxic(0).newStage(context);
        stage.onData(bytes("lost"), context);
        stage.onRemoved(context);
        assertThat(context.kinds()).containsExactly("close");
    }

    @Test
    void timeoutRemovalShouldLeaveAnUntouchedConnectionAlone() {
        ToxicStage stage = new TimeoutToxic(1_000).newStage(context);
        stage.onRemoved(context);
        context.scheduler.advanceMillis(5_000);
        assertThat(context.events).isEmpty();
    }

    @Test
    void resetPeerShouldResetAfterTheTimeoutFromTheFirstData() {
        ToxicStage stage = new ResetPeerToxic(200).newStage(context);
        context.scheduler.advanceMillis(1_000);
        assertThat(context.events).isEmpty();
        stage.onData(bytes("x"), context);
        stage.onData(bytes("y"), context);
        context.scheduler.advanceMillis(200);
        assertThat(context.events).containsExactly(new RecordingContext.Event("reset", "", 1_200));
        assertThat(context.discardedBytes).isEqualTo(2);
    }

    @Test
    void resetPeerRemovalShouldCallOffAPendingReset() {
        ToxicStage stage = new ResetPeerToxic(200).newStage(context);
        stage.onData(bytes("x"), context);
        stage.onRemoved(context);
        context.scheduler.advanceMillis(1_000);
        assertThat(context.kinds()).containsExactly("close");
    }
}
