package dev.faultline.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery over a fake /proc whose "kernel" (the fake signals) changes process states. */
class StateJournalTest {

    @TempDir
    Path tmp;

    /** SIGCONT sets the fake process running again; records what was signalled. */
    private static final class FakeSignals implements Signals {
        final FakeProc proc;
        final List<Long> resumed = new ArrayList<>();

        FakeSignals(FakeProc proc) {
            this.proc = proc;
        }

        @Override
        public void stop(ProcessIdentity process) {
            proc.state(process.pid(), 'T');
        }

        @Override
        public void resume(ProcessIdentity process) {
            resumed.add(process.pid());
            proc.state(process.pid(), 'S');
        }

        @Override
        public void kill(ProcessIdentity process) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canSignal(ProcessIdentity process) {
            return true;
        }
    }

    @Test
    void shouldRemoveLeftoverFilesAndContinueLeftoverPausedProcesses() throws IOException {
        FakeProc proc = new FakeProc(tmp.resolve("proc"))
                .process(10, "server", 'T', 500, "server", "8080")
                .process(11, "other", 'T', 777, "other");  // pid 11 was reused: the journal knew start time 600
        Path fill = Files.writeString(Files.createDirectories(tmp.resolve("data")).resolve("faultline-d-0.fill"), "x");
        FakeSignals signals = new FakeSignals(proc);
        StateJournal dead = new StateJournal(tmp.resolve("state"));
        dead.record(new StateJournal.Entry("d", "disk", List.of(fill.toString()), List.of()));
        dead.record(new StateJournal.Entry("p", "pause", List.of(), List.of(new ProcessIdentity(10, 500), new ProcessIdentity(11, 600))));
        dead.close();

        StateJournal restarted = new StateJournal(tmp.resolve("state"));
        StateJournal.Recovery recovery = restarted.recover(new ProcessTable(proc.root, 1), signals);

        assertThat(fill).doesNotExist();
        assertThat(signals.resumed).containsExactly(10L);
        assertThat(new ProcessTable(proc.root, 1).find(11).orElseThrow().isStopped()).as("not ours: left alone").isTrue();
        assertThat(recovery.filesRemoved()).containsExactly(fill.toString());
        assertThat(recovery.processesResumed()).containsExactly(10L);
        assertThat(recovery.problems()).isEmpty();
        assertThat(restarted.ids()).as("every entry forgotten once undone").isEmpty();
    }

    @Test
    void shouldForgetAnEntryOnlyOnceItsEffectsAreUndone() {
        StateJournal journal = new StateJournal(tmp.resolve("state"));
        String id = journal.record(new StateJournal.Entry("d", "disk", List.of("/nonexistent/x.fill"), List.of()));
        assertThat(journal.ids()).containsExactly(id);
        journal.forget(id);
        assertThat(journal.ids()).isEmpty();
    }

    @Test
    void shouldDropARecordCutShortByACrashBeforeItsFaultActed() throws IOException {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("d-1234.json.tmp"), "{\"fault\": \"d\", \"ki");
        StateJournal journal = new StateJournal(state);
        StateJournal.Recovery recovery = journal.recover(new ProcessTable(tmp, 1), new FakeSignals(new FakeProc(tmp)));
        assertThat(recovery.entries()).isZero();
        assertThat(state.resolve("d-1234.json.tmp")).doesNotExist();
    }

    @Test
    void shouldRefuseASecondAgentOnTheSameStateDirectory() {
        StateJournal first = new StateJournal(tmp.resolve("state"));
        assertThatThrownBy(() -> new StateJournal(tmp.resolve("state")))
                .hasMessageContaining("another agent is using the state directory");
        first.close();
        new StateJournal(tmp.resolve("state")).close();
    }
}
