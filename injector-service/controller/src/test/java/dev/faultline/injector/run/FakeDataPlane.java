package dev.faultline.injector.run;

import dev.faultline.injector.fault.DataPlaneException;
import dev.faultline.injector.fault.DataPlanePort;
import dev.faultline.injector.fault.FaultAction;
import dev.faultline.injector.fault.Lease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory data plane: one proxy, its toxics and their holders; renewals can be made to fail. */
final class FakeDataPlane implements DataPlanePort {

    final String proxy;
    final Map<String, String> toxics = new ConcurrentHashMap<>(); // name -> holder
    final List<String> everCreated = new CopyOnWriteArrayList<>();
    final AtomicInteger renewals = new AtomicInteger();
    volatile boolean renewFails;

    FakeDataPlane(String proxy) {
        this.proxy = proxy;
    }

    boolean faultOn() {
        return toxics.keySet().stream().anyMatch(n -> !n.startsWith("faultline-dry-run"));
    }

    @Override
    public boolean hasProxy(String name) {
        return proxy.equals(name);
    }

    @Override
    public boolean hasHttpProxy(String name) {
        return false;
    }

    @Override
    public void addToxic(String name, FaultAction toxic, Lease lease) {
        if (!hasProxy(name)) {
            throw new DataPlaneException("no proxy " + name);
        }
        toxics.put(toxic.name(), lease.holder());
        everCreated.add(toxic.name());
    }

    @Override
    public void addRule(String httpProxy, FaultAction rule, Lease lease) {
        throw new DataPlaneException("no HTTP proxy " + httpProxy);
    }

    @Override
    public void deleteToxic(String name, String toxic) {
        toxics.remove(toxic);
    }

    @Override
    public List<String> toxicNames(String name) {
        return new ArrayList<>(toxics.keySet());
    }

    @Override
    public boolean renew(String holder) {
        renewals.incrementAndGet();
        return !renewFails && toxics.containsValue(holder);
    }

    @Override
    public List<String> release(String holder) {
        List<String> removed = toxics.entrySet().stream().filter(e -> e.getValue().equals(holder)).map(Map.Entry::getKey).toList();
        removed.forEach(toxics::remove);
        return removed;
    }

    @Override
    public List<String> leasesOf(String holder) {
        return toxics.entrySet().stream().filter(e -> e.getValue().equals(holder)).map(Map.Entry::getKey).toList();
    }
}
