package dev.faultline.kit.events;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handling that fails because what the service stores in is unreachable — Cassandra with no node up, a query timed
 * out, Kafka not answering in time — is not the record's fault, and dead-lettering it would lose an event the service
 * must see (analysis-service lost a run's evidence and its stop that way while Cassandra was down, and judged the run
 * LOST). Such a failure is tried again here, a second apart, for as long as the outage lasts, up to a patience well
 * inside the consumer's poll interval; any other failure, or an outage that outlasts the patience, is thrown at once,
 * as before (micronaut-kafka's retries, then the dead-letter topic).
 */
final class OutageWait {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWait.class);
    /** Three attempts of a record (micronaut-kafka's retries) stay under the consumer's 5 min poll interval. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Duration PAUSE = Duration.ofSeconds(1);

    interface Attempt {
        void run() throws Exception;
    }

    interface Pause {
        void sleep(Duration length) throws InterruptedException;
    }

    private final Duration patience;
    private final Pause pause;
    private final LongSupplier nanoTime;

    OutageWait() {
        this(PATIENCE, length -> Thread.sleep(length.toMillis()), System::nanoTime);
    }

    OutageWait(Duration patience, Pause pause, LongSupplier nanoTime) {
        this.patience = patience;
        this.pause = pause;
        this.nanoTime = nanoTime;
    }

    /** Runs {@code attempt}, again while it fails for an outage and the patience lasts; {@code what} names it in the log. */
    void run(String what, Attempt attempt) throws Exception {
        long deadline = nanoTime.getAsLong() + patience.toNanos();
        boolean waited = false;
        while (true) {
            try {
                attempt.run();
                if (waited) {
                    LOG.info("{} handled once its store answered again", what);
                }
                return;
            } catch (Exception e) {
                if (!isOutage(e) || nanoTime.getAsLong() - deadline >= 0) {
                    throw e;
                }
                if (!waited) {
                    LOG.warn("{}: its store is unreachable ({}); trying again every {} ms for up to {} s", what,
                            rootOf(e), PAUSE.toMillis(), patience.toSeconds());
                    waited = true;
                }
                pause.sleep(PAUSE);
            }
        }
    }

    /** Whether {@code failure}, or what caused it, says a store or Kafka could not be reached in time. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (t instanceof AllNodesFailedException || t instanceof DriverTimeoutException
                    || t instanceof QueryExecutionException || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
