package dev.faultline.analysis.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watchdog waits until every record present at start-up was handled. */
class StartupBacklogTest {

    @Test
    void shouldBeCaughtUpOnceTheLastRecordOfEveryPartitionPresentAtStartWasHandled() {
        StartupBacklog backlog = new StartupBacklog(Map.of("faultline.injections-0", 3L, "faultline.evidence-1", 1L,
                "faultline.evidence-2", 0L));
        assertThat(backlog.caughtUp()).isFalse();

        backlog.handled("faultline.injections", 0, 1);
        backlog.handled("faultline.evidence", 1, 0);
        assertThat(backlog.caughtUp()).isFalse();

        backlog.handled("faultline.injections", 0, 2);
        assertThat(backlog.caughtUp()).isTrue();
        backlog.handled("faultline.injections", 0, 3);
        assertThat(backlog.caughtUp()).isTrue();
    }

    @Test
    void shouldBeCaughtUpAtOnceOnEmptyTopics() {
        assertThat(new StartupBacklog(Map.of("faultline.evidence-0", 0L)).caughtUp()).isTrue();
        assertThat(new StartupBacklog(Map.of()).caughtUp()).isTrue();
    }
}
