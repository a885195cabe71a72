package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Check;
import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.host.Poll;
import dev.faultline.agent.host.ProcessTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A running {@link CpuFault}: its burner threads, named {@code fl-cpu<n>-<i>} so the kernel's thread list shows them. */
final class CpuBurn implements Effect {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration KERNEL_DEADLINE = Duration.ofSeconds(5);

    private final CpuFault fault;
    private final ProcessTable processes;
    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final List<DutyCycle> cycles = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    private CpuBurn(CpuFault fault, ProcessTable processes) {
        this.fault = fault;
        this.processes = processes;
        this.prefix = "fl-cpu" + SEQUENCE.incrementAndGet() + "-";
    }

    static CpuBurn start(CpuFault fault, ProcessTable processes) {
        CpuBurn burn = new CpuBurn(fault, processes);
        DutyCycle.Clock clock = new SystemClock();
        for (int i = 0; i < fault.cores(); i++) {
            DutyCycle cycle = new DutyCycle(TimeUnit.MILLISECONDS.toNanos(fault.periodMillis()), fault.percent(), clock);
            Thread thread = new Thread(cycle, burn.prefix + i);
            thread.setDaemon(true);
            burn.cycles.add(cycle);
            burn.threads.add(thread);
        }
        burn.threads.forEach(Thread::start);
        // a new thread gives the kernel its name itself, a moment after start()
        Poll.until(() -> burn.burnerThreadsInKernel().size() == fault.cores(), KERNEL_DEADLINE);
        return burn;
    }

    @Override
    public Check check() {
        long alive = threads.stream().filter(Thread::isAlive).count();
        List<String> visible = burnerThreadsInKernel();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long cpuNanos = threads.stream().mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threads", visible);
        evidence.put("cpuSeconds", round(cpuNanos / 1e9));
        evidence.put("cpuPercentPerCore", round(seconds > 0 ? 100 * cpuNanos / 1e9 / seconds / fault.cores() : 0));
        boolean ok = alive == fault.cores() && visible.size() == fault.cores();
        return Check.of(ok, alive + " of " + fault.cores() + " burner threads running at " + fault.percent() + " % of each "
                + fault.periodMillis() + " ms", evidence);
    }

    @Override
    public Check remove() {
        cycles.forEach(DutyCycle::stop);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + KERNEL_DEADLINE.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean ended = threads.stream().noneMatch(Thread::isAlive);
        // a joined Java thread can still be listed for a moment while its native thread exits
        boolean goneFromKernel = Poll.until(() -> burnerThreadsInKernel().isEmpty(), KERNEL_DEADLINE);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threadsEnded", ended);
        evidence.put("threadsInKernel", burnerThreadsInKernel());
        return Check.of(ended && goneFromKernel, ended && goneFromKernel
                ? fault.cores() + " burner threads ended and gone from /proc/self/task"
                : "burner threads still running: " + evidence.get("threadsInKernel"), evidence);
    }

    private List<String> burnerThreadsInKernel() {
        return processes.threadNames(processes.self()).stream().filter(n -> n.startsWith(prefix)).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static final class SystemClock implements DutyCycle.Clock {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long threadCpuNanos() {
            return THREADS.getCurrentThreadCpuTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
