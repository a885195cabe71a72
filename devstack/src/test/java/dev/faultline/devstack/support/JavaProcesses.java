package dev.faultline.devstack.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helper: runs a main class in a fresh JVM on the test classpath and collects its output. */
public final class JavaProcesses {

    private JavaProcesses() {
    }

    /**
     * A started JVM, the lines it printed so far (stdout and stderr merged) and every child process
     * it had while it ran (sampled every 50 ms).
     */
    public record Launched(Process process, List<String> output, Set<ProcessHandle> childrenSeen) {
        public String text() {
            return String.join("\n", output);
        }

        public boolean printed(String fragment) {
            return output.stream().anyMatch(line -> line.contains(fragment));
        }
    }

    public static Launched launch(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e + ")");
            }
        }, "output-of-" + mainClass.getSimpleName());
        reader.setDaemon(true);
        reader.start();
        Set<ProcessHandle> children = ConcurrentHashMap.newKeySet();
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                process.children().forEach(children::add);
                LockSupport.parkNanos(50_000_000L);
            }
        }, "children-of-" + mainClass.getSimpleName());
        sampler.setDaemon(true);
        sampler.start();
        return new Launched(process, output, children);
    }
}
