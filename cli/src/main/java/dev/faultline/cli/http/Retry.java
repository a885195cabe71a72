package dev.faultline.cli.http;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Repeats a call while the answer is "not there yet" (404 or 409, e.g. a hypothesis still being
 * drafted, a report still being written) until it succeeds or the time is up; other errors fail at once.
 */
public final class Retry {

    private Retry() {
    }

    public static <T> T whileNotReady(Supplier<T> call, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (ServiceCallException e) {
                boolean notYet = e.status() == 404 || e.status() == 409;
                if (!notYet || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            }
        }
    }
}
