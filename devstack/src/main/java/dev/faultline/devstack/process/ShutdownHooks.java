package dev.faultline.devstack.process;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single JVM shutdown hook of the devstack: closes what was registered in reverse order of
 * registration, so whatever started last (and may depend on what started before it) stops first —
 * clients before the schema registry, the registry before Kafka. A part closed explicitly
 * deregisters itself and is not closed twice.
 */
public final class ShutdownHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHooks.class);
    private static final Deque<Registration> STACK = new ArrayDeque<>();
    private static boolean hookInstalled;

    private ShutdownHooks() {
    }

    /** Registers {@code resource} to be closed at JVM exit unless it is deregistered first. */
    public static synchronized Registration register(String name, AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHooks::closeAll, "faultline-devstack-shutdown"));
            hookInstalled = true;
        }
        Registration registration = new Registration(name, resource);
        STACK.push(registration);
        return registration;
    }

    static void closeAll() {
        Registration next;
        while ((next = pop()) != null) {
            try {
                LOG.info("stopping {} at JVM exit", next.name);
                next.resource.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", next.name, e.toString());
            }
        }
    }

    private static synchronized Registration pop() {
        return STACK.poll();
    }

    private static synchronized void remove(Registration registration) {
        STACK.remove(registration);
    }

    /** A pending close at JVM exit; {@link #cancel()} it once the resource was closed by hand. */
    public static final class Registration {
        private final String name;
        private final AutoCloseable resource;

        private Registration(String name, AutoCloseable resource) {
            this.name = name;
            this.resource = resource;
        }

        public void cancel() {
            remove(this);
        }
    }
}
