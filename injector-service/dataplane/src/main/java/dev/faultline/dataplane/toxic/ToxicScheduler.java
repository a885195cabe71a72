package dev.faultline.dataplane.toxic;

/**
 * Time for toxics: the clock they read and the delayed tasks they set. In production it is
 * the connection's event loop; unit tests use a manual scheduler that advances on demand.
 */
public interface ToxicScheduler {

    long nanoTime();

    /** Runs {@code task} after {@code delayNanos} (at once if zero or negative) on the connection's thread. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
