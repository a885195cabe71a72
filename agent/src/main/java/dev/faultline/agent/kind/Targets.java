package dev.faultline.agent.kind;

import dev.faultline.agent.fault.FaultRefused;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.host.ProcessInfo;
import java.util.List;
import java.util.regex.Pattern;

/** Resolves a process fault's target: every live process (never the agent) whose whole command line matches, each allowed. */
final class Targets {

    private Targets() {
    }

    static List<ProcessInfo> resolve(Pattern pattern, Host host) {
        List<ProcessInfo> targets = host.processes().matching(pattern);
        if (targets.isEmpty()) {
            throw new FaultRefused.Invalid("no running process other than the agent (pid " + host.processes().self()
                    + ") has a command line matching '" + pattern + "' (the pattern must match the whole command line, "
                    + "its arguments joined by single spaces)");
        }
        for (ProcessInfo target : targets) {
            host.allow().refuseProcess(target).ifPresent(refusal -> {
                throw new FaultRefused.NotAllowed(refusal);
            });
        }
        return targets;
    }

    /** The rehearsal of a process fault: the target resolves, is allowed, and each process can be signalled (signal 0). */
    static Rehearsal probe(Pattern pattern, Host host) {
        List<ProcessInfo> targets = resolve(pattern, host);
        Rehearsal.Steps steps = new Rehearsal.Steps()
                .add("resolve '" + pattern + "'", true, targets.size() + " process(es): " + targets)
                .add("check the allow-list", true, "every process matches an entry of allow.processes");
        for (ProcessInfo target : targets) {
            boolean signalled = host.signals().canSignal(target.identity());
            steps.add("kill -0 " + target.pid(), signalled, signalled ? "can be signalled" : "cannot be signalled (gone, or not permitted)");
        }
        return steps.done();
    }
}
