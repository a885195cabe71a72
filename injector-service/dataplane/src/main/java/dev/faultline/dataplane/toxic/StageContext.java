package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;

/**
 * What a stage may do: hand data or the end of stream to the next link, drop data, close or
 * reset the whole connection, and schedule work on the connection's event loop through an
 * injectable {@link ToxicScheduler} (so unit tests advance time instead of sleeping).
 */
public interface StageContext {

    /** Passes data to the next link (the next stage, or finally the destination socket). */
    void forward(ByteBuf data);

    /** Passes the end of stream on. */
    void end();

    /** Drops data on the floor (it still counts as consumed for back-pressure). */
    void discard(ByteBuf data);

    /** Closes both sides of the connection gracefully after what was already forwarded is written. */
    void closeConnection();

    /** Resets both sides of the connection at once (SO_LINGER 0: the peers see "connection reset"). */
    void resetConnection();

    ToxicScheduler scheduler();

    RandomGenerator random();
}
