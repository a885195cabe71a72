package dev.faultline.devstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM the devstack launches: it ties the child's life to its parent
 * and then runs the real main class (Kafka's or Cassandra's) in the same JVM.
 *
 * <p>The child exits when its parent process ends (watched through {@link ProcessHandle}) or when
 * its stdin, a pipe held by the parent, reaches end-of-file — which the kernel guarantees even when
 * the parent is killed with SIGKILL. Ctrl-C in a terminal signals the whole process group; the
 * child ignores SIGINT so that its parent can stop the parts in order. Uses only JDK classes
 * because it runs on the child's classpath, not on the devstack's.
 */
public final class ChildProcessMain {

    /** System property carrying the pid of the JVM that launched this child. */
    public static final String PARENT_PID = "faultline.parent.pid";
    /** System property: {@code true} when stdin is a pipe from the parent worth watching. */
    public static final String WATCH_STDIN = "faultline.watch.stdin";
    /** How long a clean exit may take before the child halts; shutdown hooks can hang. */
    private static final long HALT_AFTER_MS = 20_000;

    private ChildProcessMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ChildProcessMain <main-class> [args...]");
            System.exit(2);
        }
        ignoreInterrupt();
        long parentPid = Long.getLong(PARENT_PID, -1L);
        if (parentPid > 0) {
            watchParent(parentPid);
        }
        if (Boolean.getBoolean(WATCH_STDIN)) {
            watchStdin();
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit("parent process " + parentPid + " ended")),
                () -> exit("parent process " + parentPid + " is already gone"));
    }

    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-file: the parent is gone
            }
            exit("stdin closed: parent process ended");
        }, "faultline-parent-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    @SuppressWarnings("removal")
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> System.err.println(
                    "faultline child: ignoring SIGINT; the parent process stops this child in order"));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: nothing to ignore
        }
    }

    private static synchronized void exit(String reason) {
        System.err.println("faultline child: exiting, " + reason);
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "faultline-halt-watchdog");
        halter.setDaemon(true);
        halter.start();
        new Thread(() -> System.exit(0), "faultline-parent-gone-exit").start();
    }
}
