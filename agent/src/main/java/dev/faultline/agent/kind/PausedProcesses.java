package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Check;
import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.host.Poll;
import dev.faultline.agent.host.ProcessIdentity;
import dev.faultline.agent.host.ProcessInfo;
import dev.faultline.agent.host.StateJournal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processes a {@link PauseFault} stopped, journalled before the first SIGSTOP. */
final class PausedProcesses implements Effect {

    private static final Duration STATE_DEADLINE = Duration.ofSeconds(3);

    private final List<ProcessIdentity> processes;
    private final Host host;
    private final String journalId;

    private PausedProcesses(List<ProcessIdentity> processes, Host host, String journalId) {
        this.processes = processes;
        this.host = host;
        this.journalId = journalId;
    }

    static PausedProcesses pause(String name, List<ProcessInfo> targets, Host host) {
        List<ProcessIdentity> identities = targets.stream().map(ProcessInfo::identity).toList();
        String id = host.journal().record(new StateJournal.Entry(name, "pause", List.of(), identities));
        PausedProcesses paused = new PausedProcesses(identities, host, id);
        try {
            identities.forEach(host.signals()::stop);
        } catch (RuntimeException e) {
            paused.remove();
            throw e;
        }
        if (!Poll.until(paused::allStoppedOrGone, STATE_DEADLINE)) {
            Check undone = paused.remove();
            throw new IllegalStateException("processes not stopped " + STATE_DEADLINE.toSeconds() + " s after SIGSTOP: "
                    + paused.states() + "; undone: " + undone.detail());
        }
        return paused;
    }

    @Override
    public Check check() {
        Map<String, Object> states = states();
        boolean stopped = states.values().stream().allMatch(s -> s.equals("T"));
        return Check.of(stopped, "process state " + states + " ('T' = stopped)", Map.of("states", states));
    }

    @Override
    public Check remove() {
        StringBuilder problems = new StringBuilder();
        for (ProcessIdentity process : processes) {
            if (host.processes().find(process).isEmpty()) {
                continue;
            }
            try {
                host.signals().resume(process);
            } catch (RuntimeException e) {
                problems.append(process.pid()).append(": ").append(e.getMessage()).append("; ");
            }
        }
        boolean running = Poll.until(this::noneStopped, STATE_DEADLINE);
        if (running) {
            host.journal().forget(journalId);
        }
        Map<String, Object> states = states();
        return Check.of(running, (running ? "continued: " : "STILL STOPPED: ") + "process state " + states + problems,
                Map.of("states", states));
    }

    private boolean allStoppedOrGone() {
        return processes.stream().map(host.processes()::find).allMatch(p -> p.map(ProcessInfo::isStopped).orElse(true));
    }

    private boolean noneStopped() {
        return processes.stream().map(host.processes()::find).noneMatch(p -> p.map(ProcessInfo::isStopped).orElse(false));
    }

    /** State letter by pid, "gone" for a process that exited. */
    private Map<String, Object> states() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (ProcessIdentity process : processes) {
            Optional<ProcessInfo> now = host.processes().find(process);
            states.put(Long.toString(process.pid()), now.map(p -> String.valueOf(p.state())).orElse("gone"));
        }
        return states;
    }
}
