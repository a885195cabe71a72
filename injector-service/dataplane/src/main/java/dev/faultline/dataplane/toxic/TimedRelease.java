package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * An ordered queue of data (and the end of stream) each released at a given time, for the
 * toxics that delay (latency, bandwidth, slicer). Release times never go backwards, so bytes
 * leave in the order they came. {@link #flush} hands everything on at once (toxic removal).
 */
final class TimedRelease {

    /** One queued item; {@code data == null} marks the end of stream. */
    private record Item(long at, ByteBuf data) {
    }

    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private ToxicScheduler.Cancellable timer;
    private long last = Long.MIN_VALUE;

    /** Queues data for release at {@code at} (or later, to keep the order); returns the release time used. */
    long add(long at, ByteBuf data, StageContext context) {
        return enqueue(at, data, context);
    }

    /** Queues the end of stream right after what is already queued. */
    void addEnd(StageContext context) {
        enqueue(context.scheduler().nanoTime(), null, context);
    }

    /** Time the last queued item leaves (or {@link Long#MIN_VALUE} if nothing was ever queued). */
    long lastRelease() {
        return last;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Releases everything now, in order, and stops the timer. */
    void flush(StageContext context) {
        cancelTimer();
        while (!queue.isEmpty()) {
            emit(queue.poll(), context);
        }
    }

    /** Drops everything queued and stops the timer (the connection is going away). */
    void discardAll(StageContext context) {
        cancelTimer();
        while (!queue.isEmpty()) {
            Item item = queue.poll();
            if (item.data() != null) {
                context.discard(item.data());
            }
        }
    }

    private long enqueue(long at, ByteBuf data, StageContext context) {
        long when = Math.max(at, last);
        last = when;
        queue.add(new Item(when, data));
        if (timer == null) {
            drain(context);
        }
        return when;
    }

    private void drain(StageContext context) {
        timer = null;
        long now = context.scheduler().nanoTime();
        while (!queue.isEmpty() && queue.peek().at() <= now) {
            emit(queue.poll(), context);
        }
        if (!queue.isEmpty()) {
            timer = context.scheduler().schedule(() -> drain(context), queue.peek().at() - now);
        }
    }

    private static void emit(Item item, StageContext context) {
        if (item.data() == null) {
            context.end();
        } else {
            context.forward(item.data());
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
