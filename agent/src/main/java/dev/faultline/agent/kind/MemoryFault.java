package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.FaultRefused;
import dev.faultline.agent.fault.HostFault;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;

/**
 * {@code memory}: holds {@code megabytes} MB (MiB) outside the JVM heap, every page written so
 * it is resident. Measured by the kernel's page map of the held blocks; removal verified by
 * the blocks being unmapped and the agent's resident set dropping by about as much.
 * Refused when it would leave the host's MemAvailable below the memory floor.
 * Rehearsal: 1 MB held and freed.
 *
 * @param megabytes memory to hold, 1 to 1048576 MB (1 MB = 1,048,576 bytes; required)
 */
public record MemoryFault(int megabytes) implements HostFault {

    public MemoryFault {
        Attributes.between("megabytes", megabytes, 1, 1_048_576, "MB");
    }

    @Override
    public Effect apply(String name, Host host) {
        long bytes = megabytes * Attributes.MIB;
        long available = host.selfMemory().availableBytes();
        long floor = host.floors().memoryBytes();
        if (available - bytes < floor) {
            throw new FaultRefused.BelowFloor("holding " + Attributes.mb(bytes) + " would leave " + Attributes.mb(available - bytes)
                    + " available, below the memory floor of " + Attributes.mb(floor) + " (MemAvailable now " + Attributes.mb(available)
                    + " - " + Attributes.mb(bytes) + " = " + Attributes.mb(available - bytes) + " < " + Attributes.mb(floor)
                    + "); at most " + Attributes.mb(Math.max(0, available - floor)) + " can be held now");
        }
        return HeldMemory.hold(bytes, host.memory(), host.selfMemory());
    }

    @Override
    public Rehearsal rehearse(Host host) {
        return Rehearsal.applyAndRemove(new MemoryFault(1), "rehearsal-memory", host);
    }
}
