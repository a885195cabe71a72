package dev.faultline.dataplane.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Writes request parts to the upstream connection, in order, and carries out delays: a hold
 * makes everything after it (the delayed request and any request pipelined behind it) wait
 * until its time has come. Runs on the connection's event loop.
 */
final class UpstreamWriter {

    /** A barrier in the queue: nothing after it leaves before {@code until} (System.nanoTime). */
    private record Hold(long until) {
    }

    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final Runnable onRelease;
    private Channel upstream;
    private ScheduledFuture<?> timer;
    private boolean dirty;

    UpstreamWriter(Runnable onRelease) {
        this.onRelease = onRelease;
    }

    void attach(Channel channel) {
        this.upstream = channel;
    }

    /** Holds what is sent next for {@code delayNanos}. */
    void hold(long delayNanos) {
        held.add(new Hold(System.nanoTime() + delayNanos));
        if (timer == null) {
            drain();
        }
    }

    void send(HttpObject part) {
        if (held.isEmpty()) {
            write(part);
        } else {
            held.add(part);
        }
    }

    /** Whether a delay is holding requests back (the client is not read meanwhile). */
    boolean holding() {
        return !held.isEmpty();
    }

    void flush() {
        if (dirty && upstream != null) {
            dirty = false;
            upstream.flush();
        }
    }

    /** Drops what is held (the connection is going away). */
    void discard() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    private void drain() {
        timer = null;
        while (!held.isEmpty()) {
            Object next = held.peek();
            if (next instanceof Hold hold) {
                long wait = hold.until() - System.nanoTime();
                if (wait > 0) {
                    timer = upstream.eventLoop().schedule(this::release, wait, TimeUnit.NANOSECONDS);
                    return;
                }
                held.poll();
            } else {
                write((HttpObject) held.poll());
            }
        }
    }

    private void release() {
        drain();
        flush();
        onRelease.run();
    }

    private void write(HttpObject part) {
        upstream.write(part, upstream.voidPromise());
        dirty = true;
    }
}
