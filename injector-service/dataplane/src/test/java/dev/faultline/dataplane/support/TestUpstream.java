package dev.faultline.dataplane.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real TCP server on loopback for the tests to proxy to. Each accepted connection is
 * served on its own thread (test side only) by a behaviour: echo, or "send N bytes on the
 * first byte received, then close".
 */
public final class TestUpstream implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TestUpstream(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 2_000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(behaviour), "upstream-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TestUpstream echo() throws IOException {
        return new TestUpstream((in, out) -> {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        });
    }

    /** Reads and discards everything; counts nothing back. */
    public static TestUpstream discard() throws IOException {
        return new TestUpstream((in, out) -> {
            byte[] buf = new byte[65536];
            while (in.read(buf) > 0) {
                // discarded
            }
        });
    }

    /** On the first byte received, writes {@code bytes} bytes (in one write) and closes. */
    public static TestUpstream sendOnRequest(int bytes) throws IOException {
        return new TestUpstream((in, out) -> {
            if (in.read() >= 0) {
                byte[] payload = new byte[bytes];
                for (int i = 0; i < bytes; i++) {
                    payload[i] = (byte) ('a' + i % 26);
                }
                out.write(payload);
                out.flush();
            }
        });
    }

    /** On connect, writes 64 KiB chunks for as long as the connection takes them, counting the bytes written. */
    public static TestUpstream firehose(java.util.concurrent.atomic.AtomicLong written) throws IOException {
        return new TestUpstream((in, out) -> {
            byte[] chunk = new byte[64 * 1024];
            while (true) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    private void acceptLoop(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket, behaviour), "upstream-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            behaviour.serve(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException ignored) {
            // the client went away: nothing to serve
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
