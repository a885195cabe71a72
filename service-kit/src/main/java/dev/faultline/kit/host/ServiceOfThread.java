package dev.faultline.kit.host;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %service} in a logback pattern: the service a log line is from when several run in one JVM
 * ({@link ServiceHost}) — the name of the thread group of the thread that logged it, which each service's threads
 * inherit from the thread that started it. Threads of pools shared by the whole JVM (e.g. the common fork-join pool)
 * show their own group, {@code main}.
 */
public final class ServiceOfThread extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return current();
    }

    /** The service of the calling thread: its thread group's name ({@code -} for a thread that has ended). */
    static String current() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        return group == null ? "-" : group.getName();
    }
}
