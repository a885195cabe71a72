package dev.faultline.cli.watch;

import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows one experiment on the event stream, printing its progress lines, until its verdict
 * arrives (returned), the time is up or the stream is woken up (empty).
 */
public final class ExperimentWatcher {

    private final EventStream stream;
    private final String experimentId;
    private final EventFormatter formatter = new EventFormatter();

    public ExperimentWatcher(EventStream stream, String experimentId) {
        this.stream = stream;
        this.experimentId = experimentId;
    }

    public Optional<VerdictIssued> untilVerdict(Consumer<String> print, Duration timeout) {
        return untilVerdict(print, event -> { }, timeout);
    }

    /** As {@link #untilVerdict(Consumer, Duration)}, handing each of the experiment's events to {@code react} after printing it. */
    public Optional<VerdictIssued> untilVerdict(Consumer<String> print, Consumer<StreamedEvent> react, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                for (StreamedEvent event : inTimeOrder(stream.poll(Duration.ofMillis(500)))) {
                    if (!concerns(event)) {
                        continue;
                    }
                    formatter.lines(event).forEach(print);
                    react.accept(event);
                    if (event.is(VerdictIssued.class)) {
                        return Optional.of(event.as(VerdictIssued.class));
                    }
                }
            }
        } catch (WakeupException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Events of one poll (several topics, so not ordered among themselves) by the time they happened. */
    static List<StreamedEvent> inTimeOrder(List<StreamedEvent> polled) {
        List<StreamedEvent> sorted = new ArrayList<>(polled);
        sorted.sort(Comparator.comparing(event -> event.header() == null ? Instant.MAX : event.header().getOccurredAt()));
        return sorted;
    }

    /** The experiment's own events, plus halts that cover every experiment or a whole environment. */
    boolean concerns(StreamedEvent event) {
        if (experimentId.equals(event.experimentId())) {
            return true;
        }
        if (event.is(HaltRequested.class)) {
            return event.as(HaltRequested.class).getScope() != HaltScope.EXPERIMENT;
        }
        return event.is(HaltLifted.class) && event.key() != null && (event.key().startsWith("env:") || event.key().equals("*"));
    }
}
