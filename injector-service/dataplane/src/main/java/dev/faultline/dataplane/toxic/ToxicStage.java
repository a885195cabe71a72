package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;

/**
 * One toxic at work on one direction of one connection: a link in that direction's chain.
 * Every method runs on the connection's event loop, so a stage needs no locking. A stage
 * owns the buffers it receives: it forwards, holds or discards each one.
 */
public interface ToxicStage {

    /** Data arriving from the previous link, in order. */
    void onData(ByteBuf data, StageContext context);

    /** The sending side has finished (EOF); by default passed on at once. */
    default void onEnd(StageContext context) {
        context.end();
    }

    /**
     * The toxic is being removed (delete, reset, lease expiry). A stage that holds data must
     * hand it on now, in order, so nothing is lost; what else happens to the open connection
     * is the toxic's documented removal behaviour. After this call the stage is never used again.
     */
    default void onRemoved(StageContext context) {
    }

    /**
     * The connection is closing (closed or reset by a toxic, by its peers, or with its proxy): what the stage still
     * holds will never be sent, so it releases it now ({@link StageContext#discard}) and stops its timers. Without
     * this, buffers held by a slow toxic stayed allocated until their timer drained them into a closed channel, and
     * were lost to the pool when the event loop stopped first. After this call the stage is never used again.
     */
    default void onClosed(StageContext context) {
    }

    /** A stage that lets everything through: for connections a toxic's toxicity spared. */
    ToxicStage PASS_THROUGH = (data, context) -> context.forward(data);
}
