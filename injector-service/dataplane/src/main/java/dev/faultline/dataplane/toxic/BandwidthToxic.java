package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;

/**
 * {@code bandwidth}: lets data through at no more than {@code rate} KB/s (1 KB = 1000 bytes,
 * as in Toxiproxy), in slices of at most 100 ms worth so the flow stays smooth. A rate of 0
 * lets everything through unlimited (Toxiproxy's behaviour). Removal: data held back is
 * delivered at once, new data flows unlimited.
 *
 * @param rate limit in KB/s (default 0 = unlimited)
 */
public record BandwidthToxic(long rate) implements Toxic {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public BandwidthToxic {
        Attributes.atLeast("rate", rate, 0, "KB/s");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return rate == 0 ? ToxicStage.PASS_THROUGH : new Stage();
    }

    private final class Stage implements ToxicStage {
        private final TimedRelease queue = new TimedRelease();
        private final long bytesPerSecond = rate * 1000;
        private final int sliceBytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytesPerSecond / 10));

        @Override
        public void onData(ByteBuf data, StageContext context) {
            while (data.readableBytes() > sliceBytes) {
                queueSlice(data.readRetainedSlice(sliceBytes), context);
            }
            queueSlice(data, context);
        }

        private void queueSlice(ByteBuf slice, StageContext context) {
            long now = context.scheduler().nanoTime();
            long start = Math.max(now, queue.lastRelease());
            long transmit = slice.readableBytes() * NANOS_PER_SECOND / bytesPerSecond;
            queue.add(start + transmit, slice, context);
        }

        @Override
        public void onEnd(StageContext context) {
            queue.addEnd(context);
        }

        @Override
        public void onRemoved(StageContext context) {
            queue.flush(context);
        }

        @Override
        public void onClosed(StageContext context) {
            queue.discardAll(context);
        }
    }
}
