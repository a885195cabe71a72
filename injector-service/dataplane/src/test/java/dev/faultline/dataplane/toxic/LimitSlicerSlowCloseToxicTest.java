package dev.faultline.dataplane.toxic;

import static dev.faultline.dataplane.toxic.RecordingContext.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LimitSlicerSlowCloseToxicTest {

    private final RecordingContext context = new RecordingContext();

    @Test
    void limitDataShouldPassExactlyTheLimitThenClose() {
        ToxicStage stage = new LimitDataToxic(7).newStage(context);
        stage.onData(bytes("abcd"), context);
        stage.onData(bytes("efghij"), context);
        stage.onData(bytes("zzz"), context);
        assertThat(context.joined()).isEqualTo("abcdefg");
        assertThat(context.kinds()).containsExactly("data", "data", "close");
    }

    @Test
    void slicerShouldCutChunksAroundTheAverageSize() {
        SlicerToxic slicer = new SlicerToxic(10, 3, 0);
        var cuts = slicer.cuts(1_000, new SplittableRandom(1));
        assertThat(cuts.get(0)).isZero();
        assertThat(cuts.get(cuts.size() - 1)).isEqualTo(1_000);
        for (int i = 1; i < cuts.size(); i++) {
            assertThat(cuts.get(i) - cuts.get(i - 1)).isBetween(1, 13);
        }
    }

    @Test
    void slicerShouldSpaceSlicesByTheDelay() {
        ToxicStage stage = new SlicerToxic(2, 0, 5_000).newStage(context);
        stage.onData(bytes("abcdefgh"), context);
        context.scheduler.advanceMillis(100);
        assertThat(context.data()).containsExactly("ab", "cd", "ef", "gh");
        assertThat(context.events).extracting(RecordingContext.Event::atMillis).containsExactly(0L, 5L, 10L, 15L);
    }

    @Test
    void slicerRemovalShouldDeliverHeldSlicesAtOnce() {
        ToxicStage stage = new SlicerToxic(2, 0, 1_000_000).newStage(context);
        stage.onData(bytes("abcdefgh"), context);
        assertThat(context.data()).containsExactly("ab");
        stage.onRemoved(context);
        assertThat(context.joined()).isEqualTo("abcdefgh");
        assertThat(context.scheduler.pendingTasks()).isZero();
    }

    @Test
    void limitDataRemovalShouldLeaveTheConnectionOpen() {
        ToxicStage stage = new LimitDataToxic(100).newStage(context);
        stage.onData(bytes("abc"), context);
        stage.onRemoved(context);
        assertThat(context.kinds()).containsExactly("data");
    }

    @Test
    void slicerShouldRefuseAVariationNotBelowTheAverage() {
        assertThatThrownBy(() -> new SlicerToxic(5, 5, 0))
                .hasMessage("attribute 'size_variation' must be below 'average_size' (5 bytes), was 5");
    }

    @Test
    void slowCloseShouldHoldTheEndBackByTheDelay() {
        ToxicStage stage = new SlowCloseToxic(300).newStage(context);
        stage.onData(bytes("a"), context);
        stage.onEnd(context);
        context.scheduler.advanceMillis(299);
        assertThat(context.kinds()).containsExactly("data");
        context.scheduler.advanceMillis(1);
        assertThat(context.events.get(1)).isEqualTo(new RecordingContext.Event("end", "", 300));
    }

    @Test
    void slowCloseRemovalShouldCloseAtOnceAndOnlyOnce() {
        ToxicStage stage = new SlowCloseToxic(300).newStage(context);
        stage.onEnd(context);
        stage.onRemoved(context);
        context.scheduler.advanceMillis(1_000);
        assertThat(context.kinds()).containsExactly("end");
    }
}
