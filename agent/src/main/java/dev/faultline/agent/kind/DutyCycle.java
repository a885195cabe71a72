package dev.faultline.agent.kind;

/**
 * The loop of one CPU burner thread: in every period it spins until the thread has used
 * {@code busy} of CPU time (or the period is over), then sleeps out the rest. Counting the
 * thread's own CPU time rather than wall time keeps the load at the plan when other
 * processes compete for the core: a descheduled burner keeps spinning until it has had its share.
 * Time comes from a {@link Clock} so unit tests run periods without really spinning or sleeping.
 */
final class DutyCycle implements Runnable {

    /** Wall time, this thread's CPU time and sleeping. */
    interface Clock {
        long nanoTime();

        long threadCpuNanos();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long periodNanos;
    private final long busyNanos;
    private final Clock clock;
    private volatile boolean running = true;

    DutyCycle(long periodNanos, int percent, Clock clock) {
        this.periodNanos = periodNanos;
        this.busyNanos = periodNanos * percent / 100;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            long start = clock.nanoTime();
            long end = start + periodNanos;
            if (busyNanos > 0) {
                long cpuStart = clock.threadCpuNanos();
                while (running && clock.threadCpuNanos() - cpuStart < busyNanos && clock.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
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
