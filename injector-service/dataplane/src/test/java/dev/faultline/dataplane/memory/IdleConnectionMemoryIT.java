package dev.faultline.dataplane.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** 1,000 idle proxied connections cost the standalone data plane under 50 MB of heap (measured after GC). */
class IdleConnectionMemoryIT {

    @Test
    void thousandIdleConnectionsShouldCostUnderFiftyMegabytesOfHeap() throws Exception {
        Path jar = Path.of(System.getProperty("dataplane.jar", "target/faultline-dataplane-0.1.0-SNAPSHOT-all.jar"));
        IdleConnectionHeap.Result result = IdleConnectionHeap.measure(jar, 1_000);
        assertThat(result.after()).as("the connections were really opened and held").isGreaterThan(result.before());
        assertThat(result.delta()).isLessThan(50L * 1024 * 1024);
    }
}
