package dev.faultline.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Picks free loopback ports for the embedded components and checks fixed ones. */
public final class FreePorts {

    /**
     * Ports are picked below Linux's ephemeral range (32768–60999), where every outgoing connection takes its local
     * port: a port picked there can be taken by some client's connection before its server binds it (seen with
     * several test JVMs at once), one picked here only by another server. Above the demo's fixed ports (up to 18080).
     */
    private static final int FIRST = 20_000;
    private static final int END = 32_000;
    private static final int ATTEMPTS = 200;
    /** Handed out by this JVM: a stack picks all its ports before it binds any, so none may be picked twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    /**
     * Where the JVMs on this machine reserve the ports they hand out: a lock on {@code <port>.lock}, held for the JVM's
     * life (the operating system lets it go when the process ends). Two test JVMs picking from the same range (CI's
     * lanes) once gave one port to both: the second stack's server, bound half a minute after the pick, found it
     * taken.
     */
    private static final Path RESERVED = Path.of(System.getProperty("java.io.tmpdir"), "faultline-ports");
    private static final Set<FileChannel> HELD = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago and that this JVM has not handed out before. */
    public static int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(FIRST, END);
            if (!GIVEN.contains(port) && isFree(port) && reserve(port) && GIVEN.add(port)) {
                return port;
            }
        }
        return ephemeral();
    }

    /**
     * Reserves {@code port} for this JVM among the JVMs on this machine; false when another holds it. Where the
     * reservation cannot be made (no writable temporary directory), the port is taken unreserved, as before.
     */
    static boolean reserve(int port) {
        try {
            Files.createDirectories(RESERVED);
            FileChannel channel = FileChannel.open(RESERVED.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            HELD.add(channel);
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether {@code port} can be bound on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails, naming the port and what wanted it, unless {@code port} is free on 127.0.0.1. */
    public static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalArgumentException("port " + port + " (" + what + ") is already in use on 127.0.0.1");
        }
    }

    /**
     * {@code port} itself when it is free, a free port when it is 0; otherwise fails naming the
     * port, what wanted it and the command-line flag that changes it.
     */
    public static int resolve(int port, String what, String flag) {
        if (port == 0) {
            return next();
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(flag + " " + port + " is not a TCP port (1-65535, or 0 for any free port)");
        }
        try {
            requireFree(port, what);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; stop what uses it or choose another with "
                    + flag + " <port> (0 = any free port)", e);
        }
        return port;
    }
}
