package dev.faultline.injector.fault;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Proves that a fault on a proxy can be removed before any real fault is applied: creates a harmless leased toxic
 * (latency 0, toxicity 0) on the proxy, deletes it and checks that it is gone. Also proves that the proxy exists.
 */
public final class StopAction {

    private final DataPlanePort dataPlane;

    public StopAction(DataPlanePort dataPlane) {
        this.dataPlane = dataPlane;
    }

    /** Runs the dry run on L4 proxy {@code proxy}; returns what was done, or throws with the reason. */
    public String verify(String proxy) {
        if (!dataPlane.hasProxy(proxy)) {
            throw new DataPlaneException("proxy '" + proxy + "' does not exist on the data plane");
        }
        String name = "faultline-dry-run-" + UUID.randomUUID().toString().substring(0, 8);
        String holder = "injector:" + name;
        dataPlane.addToxic(proxy, new FaultAction(name, "latency", "downstream", 0.0, Map.of("latency", 0L)),
                new Lease(holder, Duration.ofSeconds(3)));
        try {
            dataPlane.deleteToxic(proxy, name);
        } finally {
            dataPlane.release(holder);
        }
        if (dataPlane.toxicNames(proxy).contains(name) || !dataPlane.leasesOf(holder).isEmpty()) {
            throw new DataPlaneException("harmless toxic " + name + " still present on proxy '" + proxy + "' after DELETE");
        }
        return "created harmless toxic " + name + " (latency 0, toxicity 0) on proxy '" + proxy + "', deleted it and confirmed it is gone";
    }

    /** The dry run for an L7 HTTP fault proxy: it must exist (rules are removed through the same lease registry). */
    public String verifyHttp(String httpProxy) {
        if (!dataPlane.hasHttpProxy(httpProxy)) {
            throw new DataPlaneException("HTTP fault proxy '" + httpProxy + "' does not exist on the data plane");
        }
        return "HTTP fault proxy '" + httpProxy + "' exists; its rules are removed with the lease holder";
    }
}
