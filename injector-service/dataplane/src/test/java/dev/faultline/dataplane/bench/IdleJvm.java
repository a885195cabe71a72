package dev.faultline.dataplane.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that loads nothing of its own and waits: launched by {@link DataPlaneBench} with the data plane's flags, its
 * resident set is the floor under the data plane's (the JVM's own code, its class-data archive, its threads and an
 * empty heap), which no change to the data plane's code can go below.
 */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle");
        System.out.flush();
        new CountDownLatch(1).await(); // until the bench destroys it
    }

    /** The resident set in MiB of an idle JVM launched with {@code jvmFlags}, read once it has printed its line. */
    static double residentMiB(List<String> jvmFlags) throws Exception {
        String ownClasses = Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process process = DataPlaneProcess.jvm(jvmFlags, ownClasses, IdleJvm.class.getName()).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (!"idle".equals(line)) {
                throw new IllegalStateException("the idle JVM did not start: " + line);
            }
            return new ProcessMeter(process.pid()).rssMiB();
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
