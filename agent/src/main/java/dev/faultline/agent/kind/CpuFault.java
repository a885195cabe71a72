package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.FaultRefused;
import dev.faultline.agent.fault.HostFault;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;

/**
 * {@code cpu}: {@code cores} threads, each busy {@code percent} % of every {@code periodMillis}
 * and asleep the rest. Measured by each burner thread's CPU time; removal verified by the
 * threads having ended and their names having left {@code /proc/self/task}.
 * Rehearsal: the same threads at 0 %.
 *
 * @param cores        burner threads, 1 to the host's processors (default 1)
 * @param percent      busy share of each period, 0 to 100 % (default 100)
 * @param periodMillis length of a period, 10 to 1000 ms (default 100)
 */
public record CpuFault(int cores, int percent, int periodMillis) implements HostFault {

    public CpuFault {
        Attributes.between("cores", cores, 1, 1024, "threads");
        Attributes.between("percent", percent, 0, 100, "%");
        Attributes.between("periodMillis", periodMillis, 10, 1000, "ms");
    }

    @Override
    public Effect apply(String name, Host host) {
        if (cores > host.processors()) {
            throw new FaultRefused.Invalid("attribute 'cores' must be at most " + host.processors()
                    + " (this host's processors), was " + cores);
        }
        return CpuBurn.start(this, host.processes());
    }

    @Override
    public Rehearsal rehearse(Host host) {
        return Rehearsal.applyAndRemove(new CpuFault(cores, 0, periodMillis), "rehearsal-cpu", host);
    }
}
