package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SpinThenBlockTest {

    /** A non-blocking poll that finds the given numbers of ready channels in turn (then none), 10 µs apart. */
    private static final class Polls implements io.netty.util.IntSupplier {
        final AtomicLong clock = new AtomicLong(1_000_000);
        final ArrayDeque<Integer> ready;
        int calls;

        Polls(Integer... ready) {
            this.ready = new ArrayDeque<>(List.of(ready));
        }

        @Override
        public int get() {
            calls++;
            clock.addAndGet(10_000);
            return ready.isEmpty() ? 0 : ready.poll();
        }
    }

    @Test
    void relaysWhatArrivesWhileItPolls() throws Exception {
        Polls polls = new Polls(0, 0, 2);
        SpinThenBlock strategy = new SpinThenBlock(Duration.ofNanos(50_000), polls.clock::get);

        assertThat(strategy.calculateStrategy(polls, false)).isEqualTo(2);
        assertThat(polls.calls).isEqualTo(3);
    }

    @Test
    void sleepsOnceTheSpinIsOverWithNothingReady() throws Exception {
        Polls polls = new Polls();
        SpinThenBlock strategy = new SpinThenBlock(Duration.ofNanos(50_000), polls.clock::get);

        assertThat(strategy.calculateStrategy(polls, false)).isEqualTo(SelectStrategy.SELECT);
        assertThat(polls.calls).as("polls 10 µs apart within a 50 µs spin").isEqualTo(5);
    }

    @Test
    void withNoSpinItSleepsAtOnceAndWithTasksPollsOnce() throws Exception {
        Polls idle = new Polls();
        assertThat(new SpinThenBlock(Duration.ZERO, idle.clock::get).calculateStrategy(idle, false))
                .isEqualTo(SelectStrategy.SELECT);
        assertThat(idle.calls).isZero();

        Polls withTasks = new Polls();
        assertThat(new SpinThenBlock(Duration.ofNanos(50_000), withTasks.clock::get).calculateStrategy(withTasks, true))
                .as("queued tasks run after one look at the sockets, as Netty's own strategy does").isZero();
        assertThat(withTasks.calls).isEqualTo(1);
    }
}
