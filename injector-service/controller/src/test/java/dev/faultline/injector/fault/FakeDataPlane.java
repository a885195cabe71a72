package dev.faultline.injector.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory data plane: one L4 proxy and optionally one L7 proxy, their toxics and rules by name with their lease
 * holders; renewals can be made to fail, or to go unanswered.
 */
public final class FakeDataPlane implements DataPlanePort {

    public final String proxy;
    public final String httpProxy;
    /** Toxics and rules alike: name -> holder. */
    public final Map<String, String> toxics = new ConcurrentHashMap<>();
    public final Map<String, String> rules = new ConcurrentHashMap<>();
    public final List<String> everCreated = new CopyOnWriteArrayList<>();
    public final AtomicInteger renewals = new AtomicInteger();
    public volatile boolean renewFails;
    /** How many of the next renewals fail as if the data plane did not answer. */
    public final AtomicInteger unansweredRenewals = new AtomicInteger();

    public FakeDataPlane(String proxy) {
        this(proxy, null);
    }

    public FakeDataPlane(String proxy, String httpProxy) {
        this.proxy = proxy;
        this.httpProxy = httpProxy;
    }

    /** Whether a real (not a rehearsal's) toxic or rule is on. */
    public boolean faultOn() {
        return toxics.keySet().stream().anyMatch(n -> !n.startsWith("faultline-dry-run"))
                || rules.keySet().stream().anyMatch(n -> !n.startsWith("faultline-dry-run"));
    }

    @Override
    public boolean hasProxy(String name) {
        return proxy.equals(name);
    }

    @Override
    public boolean hasHttpProxy(String name) {
        return name.equals(httpProxy);
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
    public void addRule(String name, FaultAction rule, Lease lease) {
        if (!hasHttpProxy(name)) {
            throw new DataPlaneException("no HTTP proxy " + name);
        }
        rules.put(rule.name(), lease.holder());
        everCreated.add(rule.name());
    }

    @Override
    public void deleteToxic(String name, String toxic) {
        toxics.remove(toxic);
    }

    @Override
    public void deleteRule(String name, String rule) {
        rules.remove(rule);
    }

    @Override
    public List<String> toxicNames(String name) {
        return new ArrayList<>(toxics.keySet());
    }

    @Override
    public List<String> ruleNames(String name) {
        return new ArrayList<>(rules.keySet());
    }

    @Override
    public boolean renew(String holder) {
        renewals.incrementAndGet();
        if (unansweredRenewals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new FaultException("data plane fake unreachable (POST /leases/" + holder + "/renew): request timed out");
        }
        return !renewFails && (toxics.containsValue(holder) || rules.containsValue(holder));
    }

    @Override
    public List<String> release(String holder) {
        List<String> removed = new ArrayList<>(leasesOf(holder));
        toxics.values().removeIf(holder::equals);
        rules.values().removeIf(holder::equals);
        return removed;
    }

    @Override
    public List<String> leasesOf(String holder) {
        List<String> keys = new ArrayList<>();
        toxics.forEach((name, h) -> {
            if (h.equals(holder)) {
                keys.add(name);
            }
        });
        rules.forEach((name, h) -> {
            if (h.equals(holder)) {
                keys.add(name);
            }
        });
        return keys;
    }
}
