package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.HostFault;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;

/**
 * {@code pause}: SIGSTOP to every process whose whole command line matches {@code process}
 * (each must be on the allow-list), SIGCONT on removal. Measured by each process's state in
 * {@code /proc/<pid>/stat} ('T' while stopped); removal verified by no process being 'T' any
 * more. Journalled, so an agent that died continues the processes when it starts again.
 * Rehearsal: the processes resolve, are allowed and can be signalled (signal 0).
 *
 * @param process a Java regular expression matching the target's whole command line (required)
 */
public record PauseFault(String process) implements HostFault {

    public PauseFault {
        Attributes.regex("process", process);
    }

    @Override
    public Effect apply(String name, Host host) {
        return PausedProcesses.pause(name, Targets.resolve(Attributes.regex("process", process), host), host);
    }

    @Override
    public Rehearsal rehearse(Host host) {
        return Targets.probe(Attributes.regex("process", process), host);
    }
}
