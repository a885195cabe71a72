package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: a blackhole. Data is accepted and dropped, nothing is answered; if
 * {@code timeout} is above 0 the connection is closed that many ms after the toxic took hold
 * of it, with 0 it is held open until the toxic goes. Removal: a connection whose bytes were
 * dropped is closed (its byte stream has a hole, so resuming it would corrupt the protocol);
 * a connection that sent nothing in this direction carries on normally.
 *
 * @param timeout ms before the connection is closed; 0 = never (default 0)
 */
public record TimeoutToxic(long timeout) implements Toxic {

    public TimeoutToxic {
        Attributes.atLeast("timeout", timeout, 0, "ms");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage(context);
    }

    private final class Stage implements ToxicStage {
        private final ToxicScheduler.Cancellable closer;
        private boolean dropped;

        Stage(StageContext context) {
            closer = timeout > 0
                    ? context.scheduler().schedule(context::closeConnection, TimeUnit.MILLISECONDS.toNanos(timeout))
                    : null;
        }

        @Override
        public void onData(ByteBuf data, StageContext context) {
            dropped = true;
            context.discard(data);
        }

        @Override
        public void onRemoved(StageContext context) {
            if (closer != null) {
                closer.cancel();
            }
            if (dropped) {
                context.closeConnection();
            }
        }
    }
}
