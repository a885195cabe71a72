package dev.faultline.injector.fault;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.agent.client.AgentException;
import dev.faultline.agent.client.Rehearsal;
import dev.faultline.agent.client.Release;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resource and process faults on the hosts a service runs on, through the Faultline agent each host declares
 * (faultline-agent): CPU, memory, disk, process pause and kill. A fault about a dependency (the spec names one:
 * "pause pricing, see what the storefront does") acts on the hosts the dependency's own declaration names, any other
 * on the service's. It goes to the host the spec names, or to every such declared host with an agent; a process fault
 * acts on the host's declared {@code process} (a command-line pattern, which the agent's own allow-list must admit as
 * well).
 */
public final class HostAgentKind implements FaultKind {

    private final Function<String, AgentClient> agents;

    /** @param agents the client of the agent at a base URL (authenticated as the injector) */
    public HostAgentKind(Function<String, AgentClient> agents) {
        this.agents = agents;
    }

    @Override
    public Set<FaultType> types() {
        return EnumSet.of(FaultType.CPU_EXHAUSTION, FaultType.MEMORY_EXHAUSTION, FaultType.DISK_EXHAUSTION,
                FaultType.PROCESS_PAUSE, FaultType.PROCESS_KILL);
    }

    @Override
    public Fault plan(FaultSpec spec, FaultContext context) {
        Route place = placeOf(spec, context.route());
        List<TargetHost> hosts = hosts(spec, place);
        FaultParameters p = new FaultParameters(spec.getParameters());
        List<Placed> placed = new ArrayList<>();
        for (TargetHost host : hosts) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            String kind = switch (spec.getFaultType()) {
                case CPU_EXHAUSTION -> {
                    attributes.put("cores", p.number("cores", "cpuCores", 1));
                    attributes.put("percent", p.number("percent", "cpuPercent", 100));
                    yield "cpu";
                }
                case MEMORY_EXHAUSTION -> {
                    attributes.put("megabytes", p.number("megabytes", "memoryMegabytes", 256));
                    yield "memory";
                }
                case DISK_EXHAUSTION -> {
                    attributes.put("directory", p.optional("directory").filter(d -> !d.isBlank()).orElseThrow(() ->
                            new UnsupportedFaultException("DISK_EXHAUSTION needs the parameter 'directory' (a directory"
                                    + " on the agent's allow-list)")));
                    attributes.put("megabytes", p.number("megabytes", "diskMegabytes", 100));
                    yield "disk";
                }
                case PROCESS_PAUSE, PROCESS_KILL -> {
                    attributes.put("process", p.optional("process").orElseGet(() -> process(host, place)));
                    if (spec.getFaultType() == FaultType.PROCESS_KILL) {
                        attributes.put("graceMillis", p.number("graceMillis", "grace", 5000));
                    }
                    yield spec.getFaultType() == FaultType.PROCESS_PAUSE ? "pause" : "kill";
                }
                default -> throw new UnsupportedFaultException(spec.getFaultType() + " is not a host fault");
            };
            placed.add(new Placed(host.getName(), host.getAgentUrl(), agents.apply(host.getAgentUrl()),
                    context.namePrefix() + "-" + kind + "-" + host.getName(), kind, attributes));
        }
        return new AgentFault(placed, context.lease(), context.clearance());
    }

    /** The service's route, or the dependency's when the fault is about one: its hosts are where the fault goes. */
    private static Route placeOf(FaultSpec spec, Route route) {
        String dependency = spec.getTarget().getDependency();
        if (dependency == null) {
            return route;
        }
        return route.service(dependency).orElseThrow(() -> new UnsupportedFaultException(spec.getFaultType() + " on "
                + route.service() + "'s dependency '" + dependency + "' acts on " + dependency + "'s hosts, and no targets"
                + " file declares " + dependency + " in this environment: declare it as a service with its hosts"
                + " (hosts.<name>.agent and .process)"));
    }

    private static List<TargetHost> hosts(FaultSpec spec, Route route) {
        List<TargetHost> withAgents = route.hosts().stream().filter(h -> h.getAgentUrl() != null).toList();
        String named = spec.getTarget().getHost();
        if (named != null) {
            return List.of(withAgents.stream().filter(h -> h.getName().equals(named)).findFirst().orElseThrow(() ->
                    new UnsupportedFaultException(spec.getFaultType() + " on host '" + named + "' needs a Faultline agent there,"
                            + " and the targets file declares none for " + route.service() + " (hosts." + named + ".agent)")));
        }
        if (withAgents.isEmpty()) {
            throw new UnsupportedFaultException(spec.getFaultType() + " needs a Faultline agent on a host of " + route.service()
                    + ", and the targets file declares none (hosts.<name>.agent)");
        }
        return withAgents;
    }

    private static String process(TargetHost host, Route route) {
        if (host.getProcess() == null) {
            throw new UnsupportedFaultException("a process fault needs the process of " + route.service() + " on host '"
                    + host.getName() + "' (hosts." + host.getName() + ".process: a command-line pattern) or the parameter 'process'");
        }
        return host.getProcess();
    }

    /** One host's part of the fault. */
    record Placed(String host, String url, AgentClient agent, String name, String kind, Map<String, Object> attributes) {
    }

    /**
     * One injection's fault on one or more hosts' agents, all under its lease. Each agent applies it only with the
     * injection's clearance, which it verifies with safety-service's public keys; a rehearsal (no clearance) can only
     * rehearse, and removing never needs one.
     */
    static final class AgentFault implements Fault {

        private final List<Placed> placed;
        private final Lease lease;
        private final ClearanceClaims clearance;
        private volatile String removalDetail = "";

        AgentFault(List<Placed> placed, Lease lease, ClearanceClaims clearance) {
            this.placed = List.copyOf(placed);
            this.lease = lease;
            this.clearance = clearance;
        }

        List<Placed> placed() {
            return placed;
        }

        @Override
        public String where() {
            return placed.size() == 1 ? "agent on host '" + placed.get(0).host() + "'"
                    : "agents on hosts " + placed.stream().map(Placed::host).collect(Collectors.joining(", "));
        }

        /** Each agent's own rehearsal: a harmless fault of the same kind created, verified, removed, verified gone. */
        @Override
        public String rehearse() {
            List<String> done = new ArrayList<>();
            for (Placed p : placed) {
                Rehearsal rehearsal = call(p, () -> p.agent().rehearse(p.kind(), p.attributes()));
                String steps = rehearsal.steps().stream().map(s -> s.action() + (s.ok() ? "" : " FAILED") + ": " + s.detail())
                        .collect(Collectors.joining("; "));
                if (!rehearsal.ok()) {
                    throw new FaultException("the agent on host '" + p.host() + "' could not rehearse " + p.kind() + ": " + steps);
                }
                done.add("host '" + p.host() + "': " + steps);
            }
            return "rehearsed " + placed.get(0).kind() + " on the agent(s): " + String.join(" | ", done);
        }

        @Override
        public void apply() {
            try {
                for (Placed p : placed) {
                    call(p, () -> p.agent().create(new dev.faultline.agent.client.FaultSpec(p.name(), p.kind(), lease.holder(),
                            lease.ttl(), p.attributes()), clearance));
                }
            } catch (RuntimeException e) {
                remove();
                throw e;
            }
        }

        @Override
        public boolean renew() {
            boolean all = true;
            for (Placed p : placed) {
                all &= call(p, () -> p.agent().renew(lease.holder()));
            }
            return all;
        }

        /**
         * Each agent releases the holder's faults and verifies their removal on its host (a paused process running
         * again, files gone, memory unmapped, burners ended; for a kill, whether a supervisor brought the process
         * back and as which pid); then none of the holder's faults may be left there.
         */
        @Override
        public boolean remove() {
            boolean verified = true;
            List<String> details = new ArrayList<>();
            for (Placed p : placed) {
                Release release = call(p, () -> p.agent().release(lease.holder()));
                verified &= release.verified() && call(p, () -> p.agent().leasesOf(lease.holder())).isEmpty();
                release.removed().forEach(r -> details.add(p.kind() + " on host '" + p.host() + "' removed"
                        + (r.verified() ? " and verified" : ", NOT verified") + " by its agent in " + r.millis() + " ms: "
                        + r.detail()));
            }
            removalDetail = String.join("; ", details);
            return verified;
        }

        @Override
        public String removalDetail() {
            return removalDetail;
        }

        private static <T> T call(Placed p, java.util.function.Supplier<T> request) {
            try {
                return request.get();
            } catch (AgentException e) {
                throw new FaultException("agent at " + p.url() + " (host '" + p.host() + "'): " + e.getMessage(), e);
            }
        }
    }
}
