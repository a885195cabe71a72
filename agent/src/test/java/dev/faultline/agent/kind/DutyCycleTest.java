package dev.faultline.agent.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The burner loop under a simulated clock: no real spinning or sleeping. */
class DutyCycleTest {

    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SPIN_STEP = TimeUnit.MICROSECONDS.toNanos(100);

    /**
     * Wall time advances by one step per look at the clock while spinning; the thread gets
     * {@code cpuShare} of it at that wall time (the rest is other processes on the core). Stops the
     * cycle once {@code periods} periods of wall time have passed.
     */
    private static final class SimulatedCore implements DutyCycle.Clock {
        final LongToDoubleFunction cpuShare;
        final long stopAt;
        long wall;
        long cpu;
        long slept;
        DutyCycle cycle;

        SimulatedCore(LongToDoubleFunction cpuShare, int periods) {
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
            cpu += (long) (SPIN_STEP * cpuShare.applyAsDouble(wall));
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
        return run(percent, wall -> cpuShare, periods);
    }

    private static SimulatedCore run(int percent, LongToDoubleFunction cpuShare, int periods) {
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
    void shouldMakeUpACrowdedStretchOnceTheCoreHasRoom() {
        // 1 s when other processes leave the thread a fifth of the core while it spins, then 2 s of a free core: the
        // shortfall of the first second is made up in the next periods, so the three seconds are at the plan
        SimulatedCore core = run(50, wall -> wall < 10 * PERIOD ? 0.2 : 1.0, 30);
        assertThat(core.busyPercent()).isBetween(49.0, 51.0);
        assertThat(core.wall).isBetween(30 * PERIOD, 30 * PERIOD + SPIN_STEP);
    }

    @Test
    void shouldMakeUpAtMostOneSecondOfThePlanAfterALongStarvation() {
        // 5 s with no CPU at all, then 2 s of a free core: only one second's share (0.5 s of CPU) is made up, so the
        // burner runs flat out for ten periods and then at the plan again, not for the whole two seconds
        SimulatedCore core = run(50, wall -> wall < 50 * PERIOD ? 0.0 : 1.0, 70);
        long plannedAfter = 20 * PERIOD / 2;
        long madeUp = DutyCycle.MAX_OWED_WALL_NANOS / 2;
        assertThat(core.cpu).isCloseTo(plannedAfter + madeUp, withinPercentage(1)); // 1.5 s, not 1 s (none) or 2 s (all)
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
