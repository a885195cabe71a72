package dev.faultline.agent.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The burner loop under a simulated clock: no real spinning or sleeping. */
class DutyCycleTest {

    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SPIN_STEP = TimeUnit.MICROSECONDS.toNanos(100);

    /**
     * Wall time advances by one step per look at the clock while spinning; the thread gets
     * {@code cpuShare} of it (the rest is other processes on the core). Stops the cycle once
     * {@code periods} periods of wall time have passed.
     */
    private static final class SimulatedCore implements DutyCycle.Clock {
        final double cpuShare;
        final long stopAt;
        long wall;
        long cpu;
        long slept;
        DutyCycle cycle;

        SimulatedCore(double cpuShare, int periods) {
            this.cpuShare = cpuShare;
            this.stopAt = periods * PERIOD;
        }

        @Override
        public long nanoTime() {
            return wall;
        }

        @Override
        public long threadCpuNanos() {
            wall += SPIN_STEP;
            cpu += (long) (SPIN_STEP * cpuShare);
            stopAtTheEnd();
            return cpu;
        }

        @Override
        public void sleepNanos(long nanos) {
            wall += nanos;
            slept += nanos;
            stopAtTheEnd();
        }

        private void stopAtTheEnd() {
            if (wall >= stopAt) {
                cycle.stop();
            }
        }

        double busyPercent() {
            return 100.0 * cpu / wall;
        }
    }

    private static SimulatedCore run(int percent, double cpuShare, int periods) {
        SimulatedCore core = new SimulatedCore(cpuShare, periods);
        core.cycle = new DutyCycle(PERIOD, percent, core);
        core.cycle.run();
        return core;
    }

    @Test
    void shouldBeBusyThePlannedShareOfEveryPeriod() {
        SimulatedCore core = run(50, 1.0, 20);
        assertThat(core.busyPercent()).isBetween(49.0, 51.0);
        assertThat(core.wall).isBetween(20 * PERIOD, 20 * PERIOD + SPIN_STEP);
    }

    @Test
    void shouldCountItsOwnCpuTimeSoThatCompetitionForTheCoreDoesNotLowerTheLoad() {
        // the thread gets only 60 % of the core while it spins: it spins longer, and still uses 50 %
        SimulatedCore core = run(50, 0.6, 20);
        assertThat(core.busyPercent()).isBetween(49.0, 51.0);
    }

    @Test
    void shouldNeverRunPastItsPeriodWhenTheCoreIsTooBusyToGiveItsShare() {
        SimulatedCore core = run(90, 0.5, 10);
        assertThat(core.busyPercent()).isBetween(49.0, 51.0);
        assertThat(core.wall).isBetween(10 * PERIOD, 10 * PERIOD + SPIN_STEP);
    }

    @Test
    void shouldOnlySleepAtZeroPercent() {
        SimulatedCore core = run(0, 1.0, 5);
        assertThat(core.cpu).isZero();
        assertThat(core.slept).isEqualTo(core.wall);
    }

    @Test
    void shouldNeverSleepAtAHundredPercent() {
        SimulatedCore core = run(100, 1.0, 5);
        assertThat(core.slept).isZero();
        assertThat(core.busyPercent()).isEqualTo(100.0);
    }
}
