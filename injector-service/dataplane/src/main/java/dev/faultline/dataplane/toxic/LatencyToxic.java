package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@code latency}: delays every chunk of data by {@code latency} ms plus a uniform jitter in
 * [-{@code jitter}, +{@code jitter}] ms (never below zero; chunks never overtake each other).
 * Removal: data already held is delivered at once, new data is not delayed.
 *
 * @param latency delay in milliseconds (default 0)
 * @param jitter  variation in milliseconds (default 0)
 */
public record LatencyToxic(long latency, long jitter) implements Toxic {

    public LatencyToxic {
        Attributes.atLeast("latency", latency, 0, "ms");
        Attributes.atLeast("jitter", jitter, 0, "ms");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage();
    }

    private final class Stage implements ToxicStage {
        private final TimedRelease queue = new TimedRelease();

        @Override
        public void onData(ByteBuf data, StageContext context) {
            long delayMs = latency;
            if (jitter > 0) {
                delayMs += context.random().nextLong(-jitter, jitter + 1);
            }
            long delay = TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs));
            queue.add(context.scheduler().nanoTime() + delay, data, context);
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
