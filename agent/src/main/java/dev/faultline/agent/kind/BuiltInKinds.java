package dev.faultline.agent.kind;

import dev.faultline.agent.fault.FaultKind;
import dev.faultline.agent.fault.FaultKinds;
import java.util.Map;

/** The agent's fault kinds. A new kind is one record implementing {@code HostFault} plus one line here. */
public final class BuiltInKinds {

    private BuiltInKinds() {
    }

    /** cpu, memory, disk, pause, kill, with their stated defaults (attributes not listed are required). */
    public static FaultKinds builtIn() {
        return new FaultKinds()
                .register(new FaultKind<>("cpu", CpuFault.class, Map.of("cores", 1, "percent", 100, "periodMillis", 100)))
                .register(new FaultKind<>("memory", MemoryFault.class, Map.of()))
                .register(new FaultKind<>("disk", DiskFault.class, Map.of()))
                .register(new FaultKind<>("pause", PauseFault.class, Map.of()))
                .register(new FaultKind<>("kill", KillFault.class, Map.of("graceMillis", 2000)));
    }
}
