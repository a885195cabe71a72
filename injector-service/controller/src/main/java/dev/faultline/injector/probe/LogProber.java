package dev.faultline.injector.probe;

import dev.faultline.kit.probe.LogQuery;
import dev.faultline.schemas.avro.ProbeSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * LOG probes on a log file the target writes: the first sample notes where the file ends, and each later one counts
 * the lines written since the previous sample that the probe's {@link LogQuery} matches — its value. A line still
 * being written waits for the next sample; a file that shrank was rotated or truncated and is read from its start. An
 * unreadable file gives a failed sample with no value and the reason. File reads run on {@code io}, never on the
 * scheduler that fires the probes.
 */
public final class LogProber implements Prober {

    /** Where a probe's reading stands in its file: the next byte to read, and a line not yet ended. */
    private static final class Position {
        long offset = -1;
        String partial = "";
    }

    private final Executor io;
    private final Clock clock;
    private final Map<String, Position> positions = new ConcurrentHashMap<>();

    public LogProber(Executor io, Clock clock) {
        this.io = io;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        return CompletableFuture.supplyAsync(() -> read(spec, experimentId), io);
    }

    @Override
    public void finished(String experimentId) {
        positions.keySet().removeIf(key -> key.startsWith(experimentId + "/"));
    }

    private Sample read(ProbeSpec spec, String experimentId) {
        String component = spec.getComponent() == null ? spec.getProbeId() : spec.getComponent();
        Instant at = clock.instant();
        long start = System.nanoTime();
        try {
            LogQuery query = LogQuery.of(spec.getParameters());
            Position position = positions.computeIfAbsent(experimentId + "/" + spec.getProbeId(), k -> new Position());
            Double counted;
            synchronized (position) {
                counted = count(path(spec.getTarget()), query, position);
            }
            return new Sample(spec.getProbeId(), component, at, millisSince(start), null, true, List.of(), null, counted, null);
        } catch (IllegalArgumentException | IOException e) {
            return new Sample(spec.getProbeId(), component, at, millisSince(start), null, false, List.of(),
                    "log source " + spec.getTarget() + " unreadable: " + e.getMessage(), null, null);
        }
    }

    /** The matching lines written since the last read; null on the first read (it only notes where the file ends). */
    private static Double count(Path file, LogQuery query, Position position) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (position.offset < 0) {
                position.offset = length;
                return null;
            }
            if (length < position.offset) {
                position.offset = 0;
                position.partial = "";
            }
            byte[] bytes = new byte[(int) Math.min(length - position.offset, Integer.MAX_VALUE)];
            in.seek(position.offset);
            in.readFully(bytes);
            position.offset += bytes.length;
            String text = position.partial + new String(bytes, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            position.partial = text.substring(lastNewline + 1);
            if (lastNewline < 0) {
                return 0.0;
            }
            return (double) text.substring(0, lastNewline).lines().filter(query::matches).count();
        }
    }

    static Path path(String target) {
        return target.startsWith("file:") ? Path.of(URI.create(target)) : Path.of(target);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
