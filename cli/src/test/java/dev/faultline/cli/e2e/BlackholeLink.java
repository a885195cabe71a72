package dev.faultline.cli.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link between one client and one server on loopback that the reliability suite can cut: while cut, the bytes of
 * open connections are dropped and new connections are accepted and left unanswered — a blackhole, as a firewall
 * dropping packets looks to the client (its requests time out, nothing is refused). {@link #restore()} forwards again. The
 * injector reaches the data plane's API through one, so that only that path is cut: the data plane itself keeps
 * running, and so does its lease clock.
 */
final class BlackholeLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "blackhole-link");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private BlackholeLink(ServerSocket listener, int upstream) {
        this.listener = listener;
        this.upstream = upstream;
    }

    /** Listens on {@code port} of 127.0.0.1 and forwards each connection to {@code upstream} there. */
    static BlackholeLink open(int port, int upstream) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        BlackholeLink link = new BlackholeLink(listener, upstream);
        link.threads.submit(link::acceptLoop);
        return link;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (!cut) {
                    threads.submit(() -> forward(client));
                } // cut: accepted and never answered
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
            open.add(server);
            threads.submit(() -> pump(server, client));
            pump(client, server);
        } catch (IOException e) {
            // the upstream is down: the client sees its connection closed
        } finally {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (cut) {
                    continue; // dropped on the floor: the connection stays open and unanswered
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** From now on nothing passes: open connections hang, new ones are accepted and hang, until {@link #restore()}. */
    void cut() {
        cut = true;
    }

    /** Forwards new connections again (the ones held while cut are dropped). */
    void restore() {
        open.forEach(BlackholeLink::closeQuietly);
        open.clear();
        cut = false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        restore();
        threads.shutdownNow();
    }
}
