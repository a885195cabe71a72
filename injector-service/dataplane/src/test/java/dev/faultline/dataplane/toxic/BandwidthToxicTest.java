package dev.faultline.dataplane.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class BandwidthToxicTest {

    private final RecordingContext context = new RecordingContext();

    @Test
    void shouldReleaseDataAtTheConfiguredRate() {
        // 10 KB/s = 10,000 bytes/s: 50,000 bytes take 5 s, in 100 ms slices of 1,000 bytes
        ToxicStage stage = new BandwidthToxic(10).newStage(context);
        stage.onData(Unpooled.wrappedBuffer(new byte[50_000]), context);
        context.scheduler.advanceMillis(2_500);
        long delivered = context.data().stream().mapToLong(String::length).sum();
        assertThat(delivered).isEqualTo(25_000);
        context.scheduler.advanceMillis(2_500);
        assertThat(context.data()).hasSize(50).allSatisfy(d -> assertThat(d).hasSize(1_000));
    }

    @Test
    void shouldCountTheBudgetAcrossChunks() {
        ToxicStage stage = new BandwidthToxic(1).newStage(context);
        stage.onData(Unpooled.wrappedBuffer(new byte[100]), context);
        stage.onData(Unpooled.wrappedBuffer(new byte[100]), context);
        assertThat(context.events).isEmpty();
        context.scheduler.advanceMillis(100);
        assertThat(context.data()).hasSize(1);
        context.scheduler.advanceMillis(100);
        assertThat(context.data()).hasSize(2);
    }

    @Test
    void shouldLetEverythingThroughAtRateZero() {
        ToxicStage stage = new BandwidthToxic(0).newStage(context);
        stage.onData(Unpooled.wrappedBuffer(new byte[1_000_000]), context);
        assertThat(context.data()).hasSize(1);
    }

    @Test
    void shouldDeliverHeldDataAtOnceWhenRemoved() {
        ToxicStage stage = new BandwidthToxic(1).newStage(context);
        stage.onData(Unpooled.wrappedBuffer(new byte[5_000]), context);
        stage.onRemoved(context);
        assertThat(context.data().stream().mapToLong(String::length).sum()).isEqualTo(5_000);
        assertThat(context.scheduler.pendingTasks()).isZero();
    }
}
