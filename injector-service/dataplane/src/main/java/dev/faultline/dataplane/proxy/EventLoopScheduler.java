package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.toxic.ToxicScheduler;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/** Toxic time on a connection's own event loop: delayed tasks run on the thread that owns the connection. */
final class EventLoopScheduler implements ToxicScheduler {

    private final EventLoop loop;

    EventLoopScheduler(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        var future = loop.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
