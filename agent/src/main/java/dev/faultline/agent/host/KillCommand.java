package dev.faultline.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link Signals} for real: SIGKILL through {@link ProcessHandle#destroyForcibly()} (which
 * itself checks the start time), SIGSTOP, SIGCONT and signal 0 through {@code kill(1)}, since
 * the JDK has no call for them. Before each signal the process's start time is checked
 * against {@code /proc}, so a reused pid is never signalled.
 */
public final class KillCommand implements Signals {

    private static final long TIMEOUT_SECONDS = 5;

    private final ProcessTable processes;

    public KillCommand(ProcessTable processes) {
        this.processes = processes;
    }

    @Override
    public void stop(ProcessIdentity process) {
        send("-STOP", process);
    }

    @Override
    public void resume(ProcessIdentity process) {
        send("-CONT", process);
    }

    @Override
    public void kill(ProcessIdentity process) {
        requireSame(process);
        Optional<ProcessHandle> handle = ProcessHandle.of(process.pid());
        if (handle.isPresent() && !handle.get().destroyForcibly() && handle.get().isAlive()) {
            throw new IllegalStateException("SIGKILL to " + process.pid() + " was refused");
        }
    }

    @Override
    public boolean canSignal(ProcessIdentity process) {
        return processes.find(process).isPresent() && run("-0", process.pid()) == null;
    }

    private void send(String signal, ProcessIdentity process) {
        requireSame(process);
        String failure = run(signal, process.pid());
        if (failure != null) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed: " + failure);
        }
    }

    private void requireSame(ProcessIdentity process) {
        if (processes.find(process).isEmpty()) {
            throw new IllegalStateException("process " + process.pid() + " (start time " + process.startTime() + ") is gone");
        }
    }

    /** Runs kill(1); null when it succeeded, its complaint otherwise. */
    private static String run(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return "kill(1) did not finish in " + TIMEOUT_SECONDS + " s";
            }
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return kill.exitValue() == 0 ? null : "exit " + kill.exitValue() + (output.isEmpty() ? "" : ": " + output);
        } catch (IOException e) {
            return "cannot run kill(1): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
