package dev.faultline.agent.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskFloorTest {

    private static final long MB = 1024 * 1024;
    private static final Path DIR = Path.of("/var/tmp/faults");

    @Test
    void shouldAllowAWriteThatLeavesExactlyTheFloor() {
        assertThat(DiskFloor.refusal(DIR, 100 * MB, 36 * MB, 64 * MB)).isEmpty();
    }

    @Test
    void shouldRefuseAWriteThatCrossesTheFloorShowingTheArithmetic() {
        assertThat(DiskFloor.refusal(DIR, 100 * MB, 40 * MB, 64 * MB)).hasValue(
                "writing 40.0 MB into /var/tmp/faults would leave 60.0 MB free, below the free-space floor of 64.0 MB"
                        + " (free now 100.0 MB - 40.0 MB = 60.0 MB < 64.0 MB); at most 36.0 MB can be written there now");
    }

    @Test
    void shouldSayNothingCanBeWrittenWhenTheDiskIsAlreadyBelowTheFloor() {
        assertThat(DiskFloor.refusal(DIR, 10 * MB, 0, 64 * MB)).hasValueSatisfying(
                r -> assertThat(r).contains("at most 0.0 MB can be written"));
    }
}
