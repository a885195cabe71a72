package dev.faultline.analysis.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time spent so far by this JVM (analysis-service, the in-process Kafka broker and the sender) and by its child
 * processes (the devstack's Cassandra). Throughput on a shared machine moves with the other load; the CPU a batch
 * costs moves much less, so the bench prints both.
 */
record CpuClock(Duration self, Duration children) {

    static CpuClock now() {
        long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Duration children = ProcessHandle.current().descendants()
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
        return new CpuClock(Duration.ofNanos(Math.max(0, self)), children);
    }

    /** What was spent from {@code earlier} to this reading. */
    CpuClock since(CpuClock earlier) {
        return new CpuClock(self.minus(earlier.self), children.minus(earlier.children));
    }

    String describe(long samples) {
        double total = (self.toNanos() + children.toNanos()) / 1e9;
        return String.format("CPU %.2f s (this JVM %.2f s, Cassandra %.2f s) = %.1f µs a sample", total,
                self.toNanos() / 1e9, children.toNanos() / 1e9, total * 1e6 / samples);
    }
}
