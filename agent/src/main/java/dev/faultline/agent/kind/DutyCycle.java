package dev.faultline.agent.kind;

/**
 * The loop of one CPU burner thread: in every period it spins until the thread has used
 * {@code busy} of CPU time (or the period is over), then sleeps out the rest. Counting the
 * thread's own CPU time rather than wall time keeps the load at the plan when other
 * processes compete for the core: a descheduled burner keeps spinning until it has had its share.
 * A period that ends before the thread had its share leaves the shortfall owed: the next periods
 * spin longer (up to the whole period) until it is paid, so a crowded stretch is made up as soon as
 * the core has room and the load over any few seconds stays at the plan. What is owed is capped
 * at {@link #MAX_OWED_WALL_NANOS} of the plan, so a burner starved for long never runs flat out for
 * long afterwards.
 * Time comes from a {@link Clock} so unit tests run periods without really spinning or sleeping.
 */
final class DutyCycle implements Runnable {

    /** At most the plan's share of this much wall time is made up later (half a second of CPU at 50 %). */
    static final long MAX_OWED_WALL_NANOS = 1_000_000_000L;

    /** Wall time, this thread's CPU time and sleeping. */
    interface Clock {
        long nanoTime();

        long threadCpuNanos();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long periodNanos;
    private final long busyNanos;
    private final long maxOwedNanos;
    private final Clock clock;
    private volatile boolean running = true;

    DutyCycle(long periodNanos, int percent, Clock clock) {
        this.periodNanos = periodNanos;
        this.busyNanos = periodNanos * percent / 100;
        this.maxOwedNanos = MAX_OWED_WALL_NANOS * percent / 100;
        this.clock = clock;
    }

    @Override
    public void run() {
        long owed = 0;
        while (running) {
            long start = clock.nanoTime();
            long end = start + periodNanos;
            if (busyNanos > 0) {
                long target = busyNanos + owed;
                long cpuStart = clock.threadCpuNanos();
                long used = 0;
                while (running && used < target && clock.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                    used = clock.threadCpuNanos() - cpuStart;
                }
                owed = Math.min(maxOwedNanos, Math.max(0, target - used));
            }
            long rest = end - clock.nanoTime();
            if (rest > 0 && running) {
                try {
                    clock.sleepNanos(rest);
                } catch (InterruptedException e) {
                    return;  // stop() interrupts the sleep
                }
            }
        }
    }

    void stop() {
        running = false;
    }
}
