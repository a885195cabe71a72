package dev.faultline.cli.replay;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
            Path keys = Files.createDirectories(work.resolve("keys"));
            Files.writeString(keys.resolve(key.keyId() + ".pem"), key.publicKeyBase64());
            for (int run = 1; run <= runs; run++) {
                long cpu = processCpuNanos();
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
                System.out.printf("  CPU of this JVM during the run (replay and the devstack's broker serving it): %.2f s%n",
                        (processCpuNanos() - cpu) / 1e9);
            }
        }
        System.out.println(Runtime.getRuntime().availableProcessors() + " cores; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
