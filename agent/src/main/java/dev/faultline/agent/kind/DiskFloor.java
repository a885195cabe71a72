package dev.faultline.agent.kind;

import java.nio.file.Path;
import java.util.Optional;

/** The free-space rule of disk faults, with the arithmetic spelled out when it refuses. */
final class DiskFloor {

    private DiskFloor() {
    }

    /**
     * Why writing {@code bytes} more into {@code directory} is refused, or empty when the file
     * system would keep at least {@code floor} bytes free.
     */
    static Optional<String> refusal(Path directory, long usable, long bytes, long floor) {
        long left = usable - bytes;
        if (left >= floor) {
            return Optional.empty();
        }
        return Optional.of("writing " + Attributes.mb(bytes) + " into " + directory + " would leave " + Attributes.mb(left)
                + " free, below the free-space floor of " + Attributes.mb(floor) + " (free now " + Attributes.mb(usable)
                + " - " + Attributes.mb(bytes) + " = " + Attributes.mb(left) + " < " + Attributes.mb(floor) + "); at most "
                + Attributes.mb(Math.max(0, usable - floor)) + " can be written there now");
    }
}
