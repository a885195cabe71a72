package dev.faultline.dataplane.proxy;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * An event loop's choice between polling and sleeping: after its last I/O it keeps polling
 * (non-blocking {@code epoll_wait}) for {@code spin}, and only then blocks. A relayed request's
 * answer usually comes back from the upstream within tens of microseconds; caught by the poll,
 * it is relayed without the thread being woken, which is what a proxy hop otherwise costs most.
 * Idle, it costs nothing (the loop blocks); busy, at most {@code spin} of CPU per burst. With no
 * spin it is Netty's default strategy.
 */
final class SpinThenBlock implements SelectStrategy {

    private final long spinNanos;
    private final LongSupplier nanoTime;

    SpinThenBlock(Duration spin, LongSupplier nanoTime) {
        this.spinNanos = spin.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (hasTasks) {
            return selectNow.get();
        }
        if (spinNanos <= 0) {
            return SelectStrategy.SELECT;
        }
        long until = nanoTime.getAsLong() + spinNanos;
        do {
            int ready = selectNow.get();
            if (ready > 0) {
                return ready;
            }
            Thread.onSpinWait();
        } while (nanoTime.getAsLong() - until < 0);
        return SelectStrategy.SELECT;
    }
}
