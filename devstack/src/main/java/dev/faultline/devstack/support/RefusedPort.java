package dev.faultline.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nothing listens and nothing can start listening while this is open: a socket bound to it that
 * never listens. A connection to it is refused at once — what a test of "the other side is down" needs. A port merely
 * closed before use is not that: a test in another JVM (CI runs two lanes) can bind it meanwhile, and the "down" side
 * then answers, or holds the connection until a read times out.
 */
public final class RefusedPort implements AutoCloseable {

    private final Socket socket = new Socket();

    private RefusedPort() {
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /** Binds a port of its own; close it when the test is done. */
    public static RefusedPort open() {
        return new RefusedPort();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing held
        }
    }
}
