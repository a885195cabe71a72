package dev.faultline.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the data plane on its own, so traffic does not depend on the controller's process:
 * {@code java -jar faultline-dataplane-<version>-all.jar [--host 127.0.0.1] [--port 8474]
 * [--config proxies.json] [--default-lease 10m] [--spin 50us]}; the config file is {@link DataPlane#populate}'s. Each flag may also come from the
 * environment: {@code DATAPLANE_HOST}, {@code DATAPLANE_PORT}, {@code DATAPLANE_CONFIG},
 * {@code DATAPLANE_DEFAULT_LEASE}, {@code DATAPLANE_SPIN}. Stops (removing every fault) on SIGTERM/SIGINT.
 */
public final class DataPlaneMain {

    private DataPlaneMain() {
    }

    public static void main(String[] args) throws Exception {
        DataPlaneLogging.configure();
        Logger log = LoggerFactory.getLogger(DataPlaneMain.class);
        DataPlaneConfig config = DataPlaneConfig.defaults();
        String host = System.getenv().getOrDefault("DATAPLANE_HOST", config.host());
        String port = System.getenv().getOrDefault("DATAPLANE_PORT", String.valueOf(config.port()));
        String file = System.getenv("DATAPLANE_CONFIG");
        String lease = System.getenv().getOrDefault("DATAPLANE_DEFAULT_LEASE", "10m");
        String spin = System.getenv().getOrDefault("DATAPLANE_SPIN", config.spin().toNanos() / 1000 + "us");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                usage(null);
            }
            if (i + 1 >= args.length) {
                usage("flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--config" -> file = value;
                case "--default-lease" -> lease = value;
                case "--spin" -> spin = value;
                default -> usage("unknown flag " + flag);
            }
        }
        try {
            config = config.withHost(host).withPort(Integer.parseInt(port)).withDefaultLease(parseDuration(lease))
                    .withSpin(parseDuration(spin));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        DataPlane plane = DataPlane.start(config);
        if (file != null) {
            plane.populate(readConfig(file));
            log.info("populated {} L4 and {} L7 (HTTP) proxies from {}", plane.proxies().all().size(),
                    plane.httpProxies().all().size(), file);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            plane.close();
            stopped.countDown();
        }, "dataplane-shutdown"));
        log.info("data plane ready: API on {} ({} transport, polls {} us before it sleeps), default lease {}",
                plane.managementAddress(), plane.transport().name(), config.spin().toNanos() / 1000, config.defaultLease());
        stopped.await();
    }

    /** {@code 50us}, {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, a bare number of ms, or ISO-8601 ({@code PT10M}). */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("us")) {
                return Duration.ofNanos(Long.parseLong(t.substring(0, t.length() - 2)) * 1000);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read duration '" + text + "': use e.g. 500ms, 30s, 10m, 1h or PT10M");
        }
    }

    private static byte[] readConfig(String file) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            usage("config file " + path.toAbsolutePath() + " is not readable");
        }
        return Files.readAllBytes(path);
    }

    @SuppressWarnings("java:S106") // a command's usage goes to the terminal
    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("error: " + problem);
        }
        System.err.println("usage: faultline-dataplane [--host 127.0.0.1] [--port 8474] [--config proxies.json] [--default-lease 10m] [--spin 50us]");
        System.exit(problem == null ? 0 : 2);
    }
}
