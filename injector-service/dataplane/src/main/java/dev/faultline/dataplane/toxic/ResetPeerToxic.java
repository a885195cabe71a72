package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: when the first data arrives in this direction, drops it and everything
 * after, waits {@code timeout} ms and resets the connection (TCP RST: both peers see
 * "connection reset"), as Toxiproxy does. Removal: a reset not yet fired is called off; a
 * connection whose bytes were already dropped is closed gracefully instead, others carry on.
 *
 * @param timeout ms between the first data and the reset; 0 = at once (default 0)
 */
public record ResetPeerToxic(long timeout) implements Toxic {

    public ResetPeerToxic {
        Attributes.atLeast("timeout", timeout, 0, "ms");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage();
    }

    private final class Stage implements ToxicStage {
        private ToxicScheduler.Cancellable reset;
        private boolean triggered;

        @Override
        public void onData(ByteBuf data, StageContext context) {
            context.discard(data);
            if (!triggered) {
                triggered = true;
                if (timeout == 0) {
                    context.resetConnection();
                } else {
                    reset = context.scheduler().schedule(context::resetConnection, TimeUnit.MILLISECONDS.toNanos(timeout));
                }
            }
        }

        @Override
        public void onRemoved(StageContext context) {
            if (reset != null) {
                reset.cancel();
            }
            if (triggered) {
                context.closeConnection();
            }
        }
    }
}
