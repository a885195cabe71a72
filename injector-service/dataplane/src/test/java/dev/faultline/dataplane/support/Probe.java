package dev.faultline.dataplane.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Client-side measurements over real sockets: round-trip times, transfers, and how a connection ends. */
public final class Probe {

    private Probe() {
    }

    public static Socket connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Median round trip of one byte on one connection to an echo server, over {@code rounds} rounds. */
    public static Duration medianRoundTrip(String hostPort, int rounds) throws IOException {
        try (Socket socket = connect(hostPort)) {
            long[] samples = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                socket.getOutputStream().write('p');
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("connection closed during round trip " + i);
                }
                samples[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(samples);
            return Duration.ofNanos(samples[rounds / 2]);
        }
    }

    /** Reads until EOF; returns the bytes read and how many reads it took. */
    public static int[] readAll(InputStream in) throws IOException {
        byte[] buf = new byte[65536];
        int total = 0;
        int reads = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            reads++;
        }
        return new int[] {total, reads};
    }
}
