package dev.faultline.agent.host;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition the kernel will make true soon (a stopped state, an exited process), up to a deadline. */
public final class Poll {

    private static final long INTERVAL_MILLIS = 5;

    private Poll() {
    }

    /** True as soon as {@code condition} holds; false when it still does not at the deadline. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
