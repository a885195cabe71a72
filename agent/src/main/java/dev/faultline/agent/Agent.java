package dev.faultline.agent;

import dev.faultline.agent.api.AgentHttpServer;
import dev.faultline.agent.api.BearerToken;
import dev.faultline.agent.fault.FaultRoutes;
import dev.faultline.agent.fault.HostFaults;
import dev.faultline.agent.fault.Removal;
import dev.faultline.agent.host.AllowList;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.host.KillCommand;
import dev.faultline.agent.host.ProcessTable;
import dev.faultline.agent.host.SelfMemory;
import dev.faultline.agent.host.StateJournal;
import dev.faultline.agent.host.UnsafeMemory;
import dev.faultline.agent.kind.BuiltInKinds;
import dev.faultline.agent.lease.LeaseRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: recovers what a dead predecessor left (before listening), then wires
 * the host, the fault kinds, the leases and the API. Closing it removes every fault in force.
 */
public final class Agent implements AutoCloseable {

    private static final long MIB = 1024L * 1024;

    private final AgentHttpServer server;
    private final HostFaults faults;
    private final StateJournal journal;
    private final StateJournal.Recovery recovery;

    private Agent(AgentHttpServer server, HostFaults faults, StateJournal journal, StateJournal.Recovery recovery) {
        this.server = server;
        this.faults = faults;
        this.journal = journal;
        this.recovery = recovery;
    }

    public static Agent start(AgentConfig config) {
        BearerToken token = new BearerToken(config.token());
        AllowList allow = new AllowList(config.allowProcesses(), config.allowDirectories());
        ProcessTable processes = ProcessTable.system();
        KillCommand signals = new KillCommand(processes);
        StateJournal journal = new StateJournal(config.stateDirectory());
        StateJournal.Recovery recovery = journal.recover(processes, signals);
        Host host = new Host(processes, signals, new UnsafeMemory(), SelfMemory.system(), allow, journal,
                new Host.Floors(config.diskFloorMegabytes() * MIB, config.memoryFloorMegabytes() * MIB),
                Runtime.getRuntime().availableProcessors());
        Clock clock = Clock.systemUTC();
        HostFaults faults = new HostFaults(BuiltInKinds.builtIn(), host, new LeaseRegistry<Removal>(clock, config.sweep()), clock,
                config.clearances());
        try {
            AgentHttpServer server = AgentHttpServer.start(config.host(), config.port(), token,
                    List.of(new HealthRoutes(faults, recovery, processes.self()), new FaultRoutes(faults)));
            return new Agent(server, faults, journal, recovery);
        } catch (RuntimeException e) {
            faults.close();
            journal.close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public StateJournal.Recovery recovery() {
        return recovery;
    }

    @Override
    public void close() {
        server.close();
        faults.close();
        journal.close();
    }
}
