package dev.faultline.cli.replay;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Replay throughput ({@code scripts/bench-replay.sh}): a devstack of its own, filled as the services would fill it
 * with EXPERIMENTS complete experiments of BATCHES evidence batches of 20 samples each (plus 8 other events each:
 * proposal, hypothesis, approvals, a signed clearance, start, stop, verdict), then {@code faultline replay} over all
 * of it as the auditor, RUNS times; prints events/s decoded and checked for each run.
 */
public final class ReplayBench {

    private ReplayBench() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU of the devstack's threads (the broker, its controller, the registry) alive now: every Java thread but the
     * replay's own (main, its check workers, the common pool that decodes). GC threads are not Java threads: their
     * CPU counts as the replay's, which allocates nearly all of it during a run.
     */
    private static long devstackCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && !isReplays(info.getThreadName())) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static boolean isReplays(String thread) {
        return thread.equals("main") || thread.startsWith("faultline-replay") || thread.startsWith("ForkJoinPool");
    }

    public static void main(String[] args) throws Exception {
        int experiments = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("faultline-replay-bench-");
        try (DevStack stack = DevStack.start(work.resolve("stack"))) {
            ClearanceKeyPair key = ClearanceKeyPair.generate("bench");
            long fill = System.nanoTime();
            try (ServicePublisher services = new ServicePublisher(stack)) {
                for (int e = 0; e < experiments; e++) {
                    RecordedExperiment experiment = RecordedExperiment.withBatches("bench-" + e + "-"
                            + UUID.randomUUID().toString().substring(0, 4), key, batches);
                    services.send(experiment.events(UnaryOperator.identity()));
                }
                services.publish(List.of());
            }
            System.out.printf("filled %d experiments x %d batches of 20 samples in %.1f s%n", experiments, batches,
                    (System.nanoTime() - fill) / 1e9);
            long eventsPerRun = (long) experiments * (batches + 8);
            Path keys = Files.createDirectories(work.resolve("keys"));
            Files.writeString(keys.resolve(key.keyId() + ".pem"), key.publicKeyBase64());
            for (int run = 1; run <= runs; run++) {
                long cpu = processCpuNanos();
                long devstack = devstackCpuNanos();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = FaultlineCli.run(List.of("replay", "--format", "json", "--output", work.resolve("replay.json")
                                .toString(), "--kafka", stack.kafkaBootstrapServers(), "--registry-url",
                                stack.schemaRegistryUrl(), "--kafka-config",
                                stack.kafkaClientConfig(KafkaPrincipal.AUDITOR).toString(), "--public-keys", keys.toString()),
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of());
                System.out.println("run " + run + " (exit " + code + "): " + out.toString(StandardCharsets.UTF_8).strip()
                        + err.toString(StandardCharsets.UTF_8).strip());
                long devstackUsed = devstackCpuNanos() - devstack;
                long used = processCpuNanos() - cpu;
                System.out.printf("  CPU during the run: %.2f s in all, of which the replay %.2f s (%.1f µs an event) and"
                                + " the devstack's broker and registry serving it %.2f s; load average %s%n", used / 1e9,
                        (used - devstackUsed) / 1e9, (used - devstackUsed) / 1e3 / eventsPerRun, devstackUsed / 1e9,
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        System.out.println(Runtime.getRuntime().availableProcessors() + " cores; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
