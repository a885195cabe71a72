package dev.faultline.dataplane.memory;

import dev.faultline.dataplane.support.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what idle proxied connections cost the data plane's heap: starts the standalone
 * data plane jar as its own JVM, reads its used heap after a full GC (jcmd), opens N idle
 * connections through one proxy, and reads it again (and its resident set both times). Clients
 * and upstream live in this JVM, so only the data plane's own cost is counted. Used by {@code scripts/dataplane-memory.sh}
 * and by {@code IdleConnectionMemoryIT}.
 */
public final class IdleConnectionHeap {

    private static final Logger LOG = LoggerFactory.getLogger("measurement");
    /** Used heap per space: G1's one "garbage-first heap" line, or the serial collector's two "generation" lines. */
    private static final Pattern USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");
    /** The data plane's JVM flags: -Ddataplane.jvm (scripts/dataplane-memory.sh passes jvm.options), else a roomy G1 heap. */
    private static final List<String> JVM_FLAGS = java.util.Arrays.stream(
            System.getProperty("dataplane.jvm", "-Xms64m -Xmx512m -XX:+UseG1GC").trim().split("\\s+")).toList();

    /** Heap used by the data plane process before and after opening the connections, in bytes. */
    public record Result(int connections, long before, long after, long rssBefore, long rssAfter) {
        public long delta() {
            return after - before;
        }
    }

    private IdleConnectionHeap() {
    }

    public static Result measure(Path jar, int connections) throws Exception {
        int apiPort = freePort();
        try (ServerSocketChannel upstream = ServerSocketChannel.open()) {
            upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), connections);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(apiPort)));
            Process plane = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            List<Socket> clients = new ArrayList<>();
            List<SocketChannel> accepted = new ArrayList<>();
            try {
                ApiClient api = new ApiClient(apiPort);
                String listen = createProxy(api, upstream.socket().getLocalPort());
                warmUp(listen, upstream);
                long before = usedHeapAfterGc(plane.pid());
                long rssBefore = residentBytes(plane.pid());
                int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
                for (int i = 0; i < connections; i++) {
                    clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
                    accepted.add(upstream.accept());
                }
                long after = usedHeapAfterGc(plane.pid());
                Result result = new Result(connections, before, after, rssBefore, residentBytes(plane.pid()));
                LOG.info("{} idle proxied connections: data-plane heap {} KB -> {} KB after GC, delta {} KB ({} bytes per connection);"
                        + " resident set {} KB -> {} KB; JVM flags {}", connections, before / 1024, after / 1024, result.delta() / 1024,
                        result.delta() / connections, rssBefore / 1024, result.rssAfter() / 1024, String.join(" ", JVM_FLAGS));
                return result;
            } finally {
                for (Socket s : clients) {
                    s.close();
                }
                for (SocketChannel c : accepted) {
                    c.close();
                }
                plane.destroy();
                plane.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static String createProxy(ApiClient api, int upstreamPort) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                ApiClient.Answer created = api.post("/proxies", "{\"name\": \"idle\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:" + upstreamPort + "\"}");
                return created.json().get("listen").asText();
            } catch (IllegalStateException notUpYet) {
                if (System.nanoTime() > deadline) {
                    throw notUpYet;
                }
                TimeUnit.MILLISECONDS.sleep(100); // polling a process we started; no Awaitility in a main
            }
        }
    }

    /** One connection through first, so class loading and pools are not counted as per-connection cost. */
    private static void warmUp(String listen, ServerSocketChannel upstream) throws IOException {
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port); SocketChannel c = upstream.accept()) {
            s.getOutputStream().write(1);
            c.read(java.nio.ByteBuffer.allocate(1));
        }
    }

    static long usedHeapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1)) * 1024;
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("cannot read used heap from jcmd GC.heap_info: " + info);
        }
        return used;
    }

    /** The process's resident set ({@code VmRSS}), in bytes. */
    private static long residentBytes(long pid) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        return 0;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code IdleConnectionHeap <jar> [connections]}: prints the heap delta. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Result r = measure(Path.of(args[0]), n);
        LOG.info("RESULT connections={} heap_before_kb={} heap_after_kb={} delta_kb={} limit_kb={}",
                n, r.before() / 1024, r.after() / 1024, r.delta() / 1024, 50 * 1024);
    }
}
