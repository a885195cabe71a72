package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.HostFault;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;

/**
 * {@code kill}: SIGKILL, once, to every process whose whole command line matches
 * {@code process} (each must be on the allow-list), verified by each being gone. Nothing can
 * be undone; the removal's verification waits up to {@code graceMillis} for a matching process
 * to run again (its supervisor restarting it) and reports whether one did and its new pid.
 * Rehearsal: the processes resolve, are allowed and can be signalled (signal 0).
 *
 * @param process     a Java regular expression matching the target's whole command line (required)
 * @param graceMillis how long the removal waits for the process to be back, 0 to 600000 ms (default 2000)
 */
public record KillFault(String process, int graceMillis) implements HostFault {

    public KillFault {
        Attributes.regex("process", process);
        Attributes.between("graceMillis", graceMillis, 0, 600_000, "ms");
    }

    @Override
    public Effect apply(String name, Host host) {
        var pattern = Attributes.regex("process", process);
        return KilledProcesses.kill(pattern, Targets.resolve(pattern, host), graceMillis, host);
    }

    @Override
    public Rehearsal rehearse(Host host) {
        return Targets.probe(Attributes.regex("process", process), host);
    }
}
