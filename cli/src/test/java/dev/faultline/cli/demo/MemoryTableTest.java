package dev.faultline.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.stack.ProcessMemory;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryTableTest {

    @Test
    void shouldListEachProcessesRssAndPssAndTheirTotals() {
        String table = MemoryTable.render(List.of(
                new ProcessMemory("kafka", 10, OptionalLong.of(300L << 20), OptionalLong.of(280L << 20)),
                new ProcessMemory("storefront", 11, OptionalLong.of(60L << 20), OptionalLong.of(45L << 20)),
                new ProcessMemory("gone", 12, OptionalLong.empty(), OptionalLong.empty())));

        assertThat(table).containsPattern("kafka\\s+pid 10\\s+300 MiB\\s+280 MiB")
                .containsPattern("gone.*\\? MiB\\s+\\? MiB")
                .containsPattern("total\\s+360 MiB\\s+325 MiB\\s+\\(0\\.38 GB, 0\\.34 GB\\)");
    }
}
