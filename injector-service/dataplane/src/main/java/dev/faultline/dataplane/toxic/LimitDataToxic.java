package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;

/**
 * {@code limit_data}: lets exactly {@code bytes} bytes through in this direction, then closes
 * the connection (what came beyond the limit is dropped). Removal: connections still open
 * carry on without a limit.
 *
 * @param bytes bytes allowed through before the connection is closed (default 0)
 */
public record LimitDataToxic(long bytes) implements Toxic {

    public LimitDataToxic {
        Attributes.atLeast("bytes", bytes, 0, "bytes");
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage();
    }

    private final class Stage implements ToxicStage {
        private long passed;
        private boolean closed;

        @Override
        public void onData(ByteBuf data, StageContext context) {
            if (closed) {
                context.discard(data);
                return;
            }
            long room = bytes - passed;
            if (data.readableBytes() < room) {
                passed += data.readableBytes();
                context.forward(data);
                return;
            }
            if (room > 0) {
                context.forward(data.readRetainedSlice((int) room));
                passed += room;
            }
            context.discard(data);
            closed = true;
            context.closeConnection();
        }
    }
}
