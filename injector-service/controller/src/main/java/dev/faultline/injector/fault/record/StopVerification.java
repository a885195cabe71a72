package dev.faultline.injector.fault.record;

import java.util.Map;

/**
 * What reading the topic after a writer stopped showed: every partition read from just after the last record the
 * writer had written there (or from its end when the writer started, where it wrote nothing) up to its end now, and
 * how many of the records found there carry the writer's injection header — none, for a verified stop.
 */
public record StopVerification(boolean complete, long written, long scanned, long found, Map<Integer, Long> from,
                               Map<Integer, Long> to) {

    public StopVerification {
        from = Map.copyOf(from);
        to = Map.copyOf(to);
    }

    /** The stop is proven: the whole range was read and no record of the injection is in it. */
    public boolean clean() {
        return complete && found == 0;
    }

    public String describe() {
        return written + " record(s) written; after the stop, partitions read from " + from + " to " + to + ": "
                + scanned + " record(s), " + found + " of this injection" + (complete ? "" : " (the read did not reach the end)");
    }
}
