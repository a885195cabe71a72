package dev.faultline.dataplane.toxic;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code slicer}: cuts each chunk of data into slices of about {@code average_size} bytes
 * (± {@code size_variation}) sent {@code delay} µs apart, like a network that fragments.
 * Same slicing rule as Toxiproxy (recursive halving). Removal: slices still held are
 * delivered at once, new data is not sliced.
 *
 * @param averageSize   average slice size in bytes, at least 1 (default 1)
 * @param sizeVariation ± bytes of variation, below {@code average_size} (default 0)
 * @param delay         µs between slices (default 0)
 */
public record SlicerToxic(@JsonProperty("average_size") long averageSize,
                          @JsonProperty("size_variation") long sizeVariation,
                          @JsonProperty("delay") long delay) implements Toxic {

    public SlicerToxic {
        Attributes.atLeast("average_size", averageSize, 1, "bytes");
        Attributes.atLeast("size_variation", sizeVariation, 0, "bytes");
        Attributes.atLeast("delay", delay, 0, "µs");
        if (sizeVariation >= averageSize) {
            throw new IllegalArgumentException("attribute 'size_variation' must be below 'average_size' ("
                    + averageSize + " bytes), was " + sizeVariation);
        }
    }

    /** Offsets where {@code length} bytes are cut: {@code [0, a, b, ..., length]}. */
    List<Integer> cuts(int length, RandomGenerator random) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        cut(0, length, random, cuts);
        return cuts;
    }

    private void cut(int start, int end, RandomGenerator random, List<Integer> cuts) {
        if ((end - start) - averageSize <= sizeVariation) {
            cuts.add(end);
            return;
        }
        int variation = sizeVariation == 0 ? 0 : (int) random.nextLong(-sizeVariation, sizeVariation);
        int mid = start + (end - start) / 2 + variation;
        cut(start, mid, random, cuts);
        cut(mid, end, random, cuts);
    }

    @Override
    public ToxicStage newStage(StageContext context) {
        return new Stage();
    }

    private final class Stage implements ToxicStage {
        private final TimedRelease queue = new TimedRelease();
        private final long gapNanos = delay * 1_000L;

        @Override
        public void onData(ByteBuf data, StageContext context) {
            List<Integer> cuts = cuts(data.readableBytes(), context.random());
            for (int i = 1; i < cuts.size(); i++) {
                int size = cuts.get(i) - cuts.get(i - 1);
                ByteBuf slice = i == cuts.size() - 1 ? data : data.readRetainedSlice(size);
                long at = queue.isEmpty() && queue.lastRelease() + gapNanos <= context.scheduler().nanoTime()
                        ? context.scheduler().nanoTime()
                        : queue.lastRelease() + gapNanos;
                queue.add(at, slice, context);
            }
        }

        @Override
        public void onEnd(StageContext context) {
            queue.addEnd(context);
        }

        @Override
        public void onRemoved(StageContext context) {
            queue.flush(context);
        }

        @Override
        public void onClosed(StageContext context) {
            queue.discardAll(context);
        }
    }
}
