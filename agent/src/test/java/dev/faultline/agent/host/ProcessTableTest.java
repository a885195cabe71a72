package dev.faultline.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadStateAndStartTimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        ProcessInfo p = ProcessTable.parse(77, "77 (my (odd) name) T 1 1 1 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 123456 1000 100 0\n",
                "a\0b c\0".getBytes(StandardCharsets.UTF_8));
        assertThat(p.state()).isEqualTo('T');
        assertThat(p.isStopped()).isTrue();
        assertThat(p.startTime()).isEqualTo(123456);
        assertThat(p.commandLine()).isEqualTo("a b c");
    }

    @Test
    void shouldMatchWholeCommandLinesOfLiveProcessesOtherThanTheAgent() {
        FakeProc proc = new FakeProc(tmp)
                .process(10, "sleep", 'S', 100, "sleep", "98765")
                .process(11, "sleep", 'Z', 101, "sleep", "98765")            // a zombie: not running
                .process(12, "bash", 'S', 102, "bash", "-c", "sleep 98765")   // mentions it, but is not it
                .process(13, "java", 'S', 103, "sleep", "98765")              // the agent itself
                .process(14, "kworker/0:1", 'I', 104);                         // kernel thread: no command line
        ProcessTable table = new ProcessTable(proc.root, 13);
        assertThat(table.matching(Pattern.compile("sleep 98765"))).extracting(ProcessInfo::pid).containsExactly(10L);
        assertThat(table.all()).extracting(ProcessInfo::pid).containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
    }

    @Test
    void shouldNotTakeALaterProcessWithTheSamePidForTheOneIdentified() {
        FakeProc proc = new FakeProc(tmp).process(10, "sleep", 'S', 100, "sleep", "1");
        ProcessTable table = new ProcessTable(proc.root, 1);
        assertThat(table.find(new ProcessIdentity(10, 100))).isPresent();
        assertThat(table.find(new ProcessIdentity(10, 99))).isEmpty();
        assertThat(table.find(new ProcessIdentity(11, 100))).isEmpty();
    }
}
