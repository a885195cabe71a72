package dev.faultline.dataplane.toxic;

import static dev.faultline.dataplane.toxic.RecordingContext.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyToxicTest {

    private final RecordingContext context = new RecordingContext();

    @Test
    void shouldDelayEachChunkByTheLatency() {
        ToxicStage stage = new LatencyToxic(100, 0).newStage(context);
        stage.onData(bytes("a"), context);
        context.scheduler.advanceMillis(99);
        assertThat(context.data()).isEmpty();
        context.scheduler.advanceMillis(1);
        assertThat(context.events).containsExactly(new RecordingContext.Event("data", "a", 100));
    }

    @Test
    void shouldKeepOrderWhenJitterWouldLetALaterChunkOvertake() {
        ToxicStage stage = new LatencyToxic(100, 90).newStage(context);
        for (int i = 0; i < 20; i++) {
            stage.onData(bytes(Integer.toString(i % 10)), context);
            context.scheduler.advanceMillis(1);
        }
        context.scheduler.advanceMillis(500);
        assertThat(context.joined()).isEqualTo("01234567890123456789");
    }

    @Test
    void shouldKeepJitterWithinBounds() {
        ToxicStage stage = new LatencyToxic(100, 20).newStage(context);
        for (int i = 0; i < 50; i++) {
            stage.onData(bytes("x"), context);
            context.scheduler.advanceMillis(200);
        }
        for (int i = 0; i < 50; i++) {
            long sentAt = i * 200L;
            assertThat(context.events.get(i).atMillis() - sentAt).isBetween(80L, 120L);
        }
    }

    @Test
    void shouldPassTheEndAfterQueuedData() {
        ToxicStage stage = new LatencyToxic(50, 0).newStage(context);
        stage.onData(bytes("a"), context);
        stage.onEnd(context);
        context.scheduler.advanceMillis(50);
        assertThat(context.kinds()).containsExactly("data", "end");
    }

    @Test
    void shouldDeliverHeldDataAtOnceWhenRemoved() {
        ToxicStage stage = new LatencyToxic(1000, 0).newStage(context);
        stage.onData(bytes("a"), context);
        stage.onData(bytes("b"), context);
        context.scheduler.advanceMillis(10);
        stage.onRemoved(context);
        assertThat(context.events).extracting(RecordingContext.Event::atMillis).containsExactly(10L, 10L);
        assertThat(context.joined()).isEqualTo("ab");
        assertThat(context.scheduler.pendingTasks()).isZero();
    }

    @Test
    void shouldRefuseNegativeLatency() {
        assertThatThrownBy(() -> new LatencyToxic(-1, 0)).hasMessage("attribute 'latency' must be >= 0 ms, was -1");
    }
}
