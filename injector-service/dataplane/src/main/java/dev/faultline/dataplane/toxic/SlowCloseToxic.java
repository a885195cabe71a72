package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@code slow_close}: when the sending side closes, the close is passed on only {@code delay}
 * ms later; data flows unchanged. Removal: a close being held back happens at once.
 *
 * @param delay ms the close is held back (default 0)
 */
public record SlowCloseToxic(long delay) implements Toxic {

    public SlowCloseToxic {
        Attributes.atLeast("delay", delay, 0, "ms");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage();
    }

    private final class Stage implements ToxicStage {
        private ToxicScheduler.Cancellable pending;
        private boolean closed;

        @Override
        public void onData(ByteBuf data, StageContext context) {
            context.forward(data);
        }

        @Override
        public void onEnd(StageContext context) {
            if (pending == null) {
                pending = context.scheduler().schedule(() -> close(context), TimeUnit.MILLISECONDS.toNanos(delay));
            }
        }

        @Override
        public void onRemoved(StageContext context) {
            if (pending != null && !closed) {
                pending.cancel();
                close(context);
            }
        }

        private void close(StageContext context) {
            closed = true;
            context.end();
        }
    }
}
