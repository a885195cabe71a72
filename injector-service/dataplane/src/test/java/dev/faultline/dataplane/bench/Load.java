package dev.faultline.dataplane.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load generator: blocking loopback clients whose cost is the same whether they talk to
 * the upstream directly or through a proxy. A "round trip" writes one fixed request and reads
 * one fixed-size answer on a kept-alive connection.
 */
final class Load {

    /** What one round trip sends and how many bytes its answer has. */
    record Exchange(byte[] request, int answerBytes) {
        static Exchange echo(int size) {
            return new Exchange(new byte[size], size);
        }

        static Exchange http(String target, int answerBytes) {
            return new Exchange(("GET " + target + " HTTP/1.1\r\nHost: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII), answerBytes);
        }
    }

    private Load() {
    }

    /** Round-trip times in nanoseconds of {@code n} sequential exchanges on one connection. */
    static long[] roundTrips(int port, Exchange exchange, int n) throws IOException {
        long[] times = new long[n];
        byte[] answer = new byte[exchange.answerBytes()];
        try (Socket socket = open(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                out.write(exchange.request());
                readFully(in, answer);
                times[i] = System.nanoTime() - start;
            }
        }
        return times;
    }

    /** Exchanges per second with {@code connections} clients in parallel for {@code millis}. */
    static double requestsPerSecond(int port, Exchange exchange, int connections, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                counts.add(pool.submit(() -> {
                    byte[] answer = new byte[exchange.answerBytes()];
                    long done = 0;
                    try (Socket socket = open(port)) {
                        while (!stop.get()) {
                            socket.getOutputStream().write(exchange.request());
                            readFully(socket.getInputStream(), answer);
                            done++;
                        }
                    }
                    return done;
                }));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(millis * 1_000_000);
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** MB/s (10^6 bytes) of echoing {@code bytes} through one connection, writer and reader in parallel. */
    static double echoThroughput(int port, long bytes) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Socket socket = open(port)) {
            byte[] block = new byte[64 * 1024];
            long start = System.nanoTime();
            Future<?> writing = writer.submit(() -> {
                OutputStream out = socket.getOutputStream();
                for (long sent = 0; sent < bytes; sent += block.length) {
                    out.write(block);
                }
                return null;
            });
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[256 * 1024];
            long received = 0;
            while (received < bytes) {
                int n = in.read(sink);
                if (n < 0) {
                    throw new IOException("echo closed after " + received + " bytes");
                }
                received += n;
            }
            writing.get();
            return bytes / ((System.nanoTime() - start) / 1e3);
        } finally {
            writer.shutdownNow();
        }
    }

    /** MB/s of downloading {@code count} responses of {@code answerBytes} each on one connection. */
    static double downloadThroughput(int port, Exchange exchange, int count) throws IOException {
        byte[] sink = new byte[256 * 1024];
        try (Socket socket = open(port)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                socket.getOutputStream().write(exchange.request());
                long left = exchange.answerBytes();
                InputStream in = socket.getInputStream();
                while (left > 0) {
                    int n = in.read(sink, 0, (int) Math.min(sink.length, left));
                    if (n < 0) {
                        throw new IOException("connection closed with " + left + " bytes to go");
                    }
                    left -= n;
                }
            }
            return (double) count * exchange.answerBytes() / ((System.nanoTime() - start) / 1e3);
        }
    }

    /** Length of the whole answer (head and body) to one request: learned once, then read as a fixed size. */
    static int httpAnswerLength(int port, String target) throws IOException {
        try (Socket socket = open(port)) {
            socket.getOutputStream().write(Exchange.http(target, 0).request());
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            String lengthLine = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:")).findFirst().orElseThrow();
            return head.length() + Integer.parseInt(lengthLine.substring(lengthLine.indexOf(':') + 1).trim());
        }
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static long[] concat(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void readFully(InputStream in, byte[] buffer) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int n = in.read(buffer, off, buffer.length - off);
            if (n < 0) {
                throw new IOException("connection closed after " + off + " of " + buffer.length + " bytes");
            }
            off += n;
        }
    }
}
