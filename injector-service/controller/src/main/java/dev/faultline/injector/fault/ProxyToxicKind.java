package dev.faultline.injector.fault;

import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network faults between a service and a dependency: toxics on the dependency's L4 proxy on the data plane, one per
 * stream (BOTH = two), toxicity = the share of connections.
 */
public final class ProxyToxicKind implements FaultKind {

    private final DataPlanePort dataPlane;

    public ProxyToxicKind(DataPlanePort dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public Set<FaultType> types() {
        return EnumSet.of(FaultType.NETWORK_BLACKHOLE, FaultType.NETWORK_LATENCY, FaultType.NETWORK_JITTER,
                FaultType.NETWORK_RESET, FaultType.NETWORK_BANDWIDTH, FaultType.CONNECTION_DROP);
    }

    @Override
    public Fault plan(FaultSpec spec, FaultContext context) {
        FaultParameters p = new FaultParameters(spec.getParameters());
        return switch (spec.getFaultType()) {
            case NETWORK_BLACKHOLE -> toxics(spec, context, "timeout", Map.of("timeout", 0L));
            case NETWORK_LATENCY -> toxics(spec, context, "latency",
                    Map.of("latency", p.number("latencyMillis", "latency", 1000), "jitter", p.number("jitterMillis", "jitter", 0)));
            case NETWORK_JITTER -> toxics(spec, context, "latency",
                    Map.of("latency", p.number("latencyMillis", "latency", 0), "jitter", p.number("jitterMillis", "jitter", 500)));
            case NETWORK_RESET -> toxics(spec, context, "reset_peer", Map.of("timeout", p.number("timeoutMillis", "timeout", 0)));
            case NETWORK_BANDWIDTH -> toxics(spec, context, "bandwidth", Map.of("rate", p.number("rateKBps", "rate", 10)));
            case CONNECTION_DROP -> toxics(spec, context, "limit_data", Map.of("bytes", 0L));
            default -> throw new UnsupportedFaultException(spec.getFaultType() + " is not a network fault");
        };
    }

    private Fault toxics(FaultSpec spec, FaultContext context, String type, Map<String, Object> attributes) {
        String dependency = spec.getTarget().getDependency();
        String proxy = context.route().l4Proxy(dependency).orElseThrow(() -> new UnsupportedFaultException(
                "no data plane proxy is declared for dependency '" + dependency + "' of " + context.route().service()
                        + " (a targets file's dependencies." + dependency + ".proxy, or faultline.injector.proxies."
                        + dependency + ")"));
        List<FaultAction> actions = new ArrayList<>();
        for (String stream : streams(spec.getDirection())) {
            actions.add(new FaultAction(context.namePrefix() + "-" + type + "-" + stream, type, stream, spec.getToxicity(),
                    attributes));
        }
        return new ToxicFault(proxy, actions, context.lease());
    }

    private static List<String> streams(FaultDirection direction) {
        return switch (direction) {
            case UPSTREAM -> List.of("upstream");
            case DOWNSTREAM -> List.of("downstream");
            case BOTH -> List.of("upstream", "downstream");
            default -> throw new UnsupportedFaultException("fault direction " + direction + " is not one of UPSTREAM, DOWNSTREAM, BOTH");
        };
    }

    /** The toxics of one injection on one L4 proxy, all under its lease. */
    final class ToxicFault implements Fault {

        private final String proxy;
        private final List<FaultAction> toxics;
        private final Lease lease;

        ToxicFault(String proxy, List<FaultAction> toxics, Lease lease) {
            this.proxy = proxy;
            this.toxics = List.copyOf(toxics);
            this.lease = lease;
        }

        List<FaultAction> toxics() {
            return toxics;
        }

        @Override
        public String where() {
            return "L4 proxy '" + proxy + "'";
        }

        /** A leased latency-0, toxicity-0 toxic: created, seen, deleted, seen gone. */
        @Override
        public String rehearse() {
            if (!dataPlane.hasProxy(proxy)) {
                throw new DataPlaneException("proxy '" + proxy + "' does not exist on the data plane");
            }
            return new DataPlaneRehearsal(dataPlane, "toxic", "latency 0, toxicity 0", "proxy '" + proxy + "'",
                    (name, lease) -> dataPlane.addToxic(proxy, new FaultAction(name, "latency", "downstream", 0.0,
                            Map.of("latency", 0L)), lease),
                    () -> dataPlane.toxicNames(proxy), name -> dataPlane.deleteToxic(proxy, name)).run();
        }

        @Override
        public void apply() {
            try {
                toxics.forEach(toxic -> dataPlane.addToxic(proxy, toxic, lease));
            } catch (RuntimeException e) {
                remove();
                throw e;
            }
        }

        @Override
        public boolean renew() {
            return dataPlane.renew(lease.holder());
        }

        @Override
        public boolean remove() {
            dataPlane.release(lease.holder());
            List<String> left = dataPlane.toxicNames(proxy);
            return dataPlane.leasesOf(lease.holder()).isEmpty() && toxics.stream().noneMatch(t -> left.contains(t.name()));
        }
    }
}
