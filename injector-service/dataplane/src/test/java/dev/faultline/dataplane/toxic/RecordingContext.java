package dev.faultline.dataplane.toxic;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A stage's surroundings for unit tests: records what the stage forwards, drops and does to the connection. */
final class RecordingContext implements StageContext {

    /** One thing the stage did, with the manual time it happened at (ms since the test started). */
    record Event(String kind, String data, long atMillis) {
    }

    final ManualScheduler scheduler = new ManualScheduler();
    final List<Event> events = new ArrayList<>();
    final RandomGenerator random = new SplittableRandom(42);
    private final long start = scheduler.nanoTime();
    long discardedBytes;

    @Override
    public void forward(ByteBuf data) {
        events.add(new Event("data", data.toString(StandardCharsets.UTF_8), now()));
        data.release();
    }

    @Override
    public void end() {
        events.add(new Event("end", "", now()));
    }

    @Override
    public void discard(ByteBuf data) {
        discardedBytes += data.readableBytes();
        data.release();
    }

    @Override
    public void closeConnection() {
        events.add(new Event("close", "", now()));
    }

    @Override
    public void resetConnection() {
        events.add(new Event("reset", "", now()));
    }

    @Override
    public ToxicScheduler scheduler() {
        return scheduler;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    List<String> data() {
        return events.stream().filter(e -> e.kind().equals("data")).map(Event::data).toList();
    }

    List<String> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    String joined() {
        return String.join("", data());
    }

    private long now() {
        return (scheduler.nanoTime() - start) / 1_000_000;
    }

    static ByteBuf bytes(String text) {
        return io.netty.buffer.Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    static List<Event> copy(List<Event> events) {
        return new ArrayList<>(events);
    }
}
