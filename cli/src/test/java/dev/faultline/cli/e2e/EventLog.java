package dev.faultline.cli.e2e;

import org.awaitility.Awaitility;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.cli.watch.EventStream;
import dev.faultline.cli.watch.StreamedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.awaitility.Awaitility;

/** Every event on every Faultline topic since the suite started, collected by a background consumer. */
final class EventLog implements AutoCloseable {

    private final EventStream stream;
    private final List<StreamedEvent> events = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    EventLog(KafkaEndpoint kafka) {
        this.stream = new EventStream(kafka);
        this.poller = new Thread(this::pollLoop, "e2e-event-log");
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        try {
            while (running) {
                events.addAll(stream.poll(Duration.ofMillis(200)));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            stream.close();
        }
    }

    /** The first event of {@code type} about {@code experimentId} that matches, waiting up to {@code timeout}. */
    <T extends SpecificRecord> T next(String experimentId, Class<T> type, Predicate<T> matching, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).alias(type.getSimpleName() + " for " + experimentId)
                .until(() -> find(experimentId, type, matching).isPresent());
        return find(experimentId, type, matching).orElseThrow();
    }

    <T extends SpecificRecord> T next(String experimentId, Class<T> type, Duration timeout) {
        return next(experimentId, type, any -> true, timeout);
    }

    <T extends SpecificRecord> Optional<T> find(String experimentId, Class<T> type, Predicate<T> matching) {
        return events.stream().filter(event -> experimentId.equals(event.experimentId()) && event.is(type))
                .map(event -> event.as(type)).filter(matching).findFirst();
    }

    /** How many events of {@code type} about {@code experimentId} that match have arrived so far. */
    <T extends SpecificRecord> long count(String experimentId, Class<T> type, Predicate<T> matching) {
        return events.stream().filter(event -> experimentId.equals(event.experimentId()) && event.is(type))
                .map(event -> event.as(type)).filter(matching).count();
    }

    /** Any event (whatever its experiment) of {@code type} that matches, waiting up to {@code timeout}. */
    <T extends SpecificRecord> T awaitAny(Class<T> type, Predicate<T> matching, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).alias(type.getSimpleName())
                .until(() -> events.stream().filter(event -> event.is(type)).map(event -> event.as(type)).anyMatch(matching));
        return events.stream().filter(event -> event.is(type)).map(event -> event.as(type)).filter(matching)
                .findFirst().orElseThrow();
    }

    /** The types of the events about one experiment, in arrival order, for failure messages. */
    List<String> typesOf(String experimentId) {
        return events.stream().filter(event -> experimentId.equals(event.experimentId())).map(StreamedEvent::type).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        stream.wakeup();
        poller.join(5_000);
    }
}
