package dev.faultline.dataplane.http;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.lease.Lease;
import dev.faultline.dataplane.lease.LeaseRegistry;
import dev.faultline.dataplane.lease.LeaseTerms;
import dev.faultline.dataplane.proxy.Address;
import dev.faultline.dataplane.proxy.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L7 proxies of a data plane by name, and their rules under lease: every rule holds a
 * lease in the shared {@link LeaseRegistry} (key {@code l7/<proxy>/rules/<rule>}); when it
 * expires the rule is removed exactly as a DELETE would. {@link #resetAll()} removes every
 * rule (the rollback) and keeps the listeners.
 */
public final class HttpProxyRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProxyRegistry.class);

    private final Transport transport;
    private final LeaseRegistry leases;
    private final HttpActionTypes types;
    private final Duration defaultLease;
    private final RandomGenerator random;
    private final Map<String, HttpProxy> proxies = new TreeMap<>();

    /** @param random share draws; must be safe for use from several event-loop threads */
    public HttpProxyRegistry(Transport transport, LeaseRegistry leases, HttpActionTypes types, Duration defaultLease, RandomGenerator random) {
        this.transport = transport;
        this.leases = leases;
        this.types = types;
        this.defaultLease = defaultLease;
        this.random = random;
    }

    public static String leaseKey(String proxy, String rule) {
        return "l7/" + proxy + "/rules/" + rule;
    }

    public HttpActionTypes types() {
        return types;
    }

    public synchronized List<HttpProxy> all() {
        return List.copyOf(proxies.values());
    }

    public synchronized HttpProxy get(String name) {
        HttpProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiException.notFound("http proxy " + name + " not found");
        }
        return proxy;
    }

    /** Creates and starts a proxy; 409 when the name or the listen address is taken. */
    public synchronized HttpProxy create(String name, String listen, String upstream) {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw ApiException.badRequest("missing or bad field: name (non-blank, no '/'), was " + (name == null ? "absent" : "'" + name + "'"));
        }
        if (proxies.containsKey(name)) {
            throw ApiException.conflict("http proxy " + name + " already exists; delete it or choose another name");
        }
        Address upstreamAddress = Address.parse("upstream", upstream);
        Address listenAddress = Address.parse("listen", listen == null ? "127.0.0.1:0" : listen);
        HttpProxy proxy = new HttpProxy(name, listenAddress, upstreamAddress, transport, random);
        proxy.start();
        proxies.put(name, proxy);
        return proxy;
    }

    /** Deletes a proxy and its rules with their leases; open connections are closed. */
    public synchronized void delete(String name) {
        HttpProxy proxy = get(name);
        proxy.rules().all().forEach(r -> leases.release(leaseKey(name, r.name())));
        proxies.remove(name);
        proxy.close();
    }

    /** Adds a rule after the existing ones, under {@code terms} (the default lease when null). */
    public synchronized HttpRule addRule(String proxyName, HttpRuleSpec spec, LeaseTerms terms) {
        HttpProxy proxy = get(proxyName);
        HttpRule rule = proxy.rules().add(spec, proxyName);
        LeaseTerms lease = terms != null ? terms : LeaseTerms.byDefault(defaultLease);
        leases.grant(leaseKey(proxyName, spec.name()), lease, () -> expire(proxy, rule));
        return rule;
    }

    public synchronized HttpRule rule(String proxyName, String ruleName) {
        return get(proxyName).rules().find(ruleName).orElseThrow(() -> ruleNotFound(proxyName, ruleName));
    }

    public synchronized void removeRule(String proxyName, String ruleName) {
        if (!get(proxyName).rules().remove(ruleName, null)) {
            throw ruleNotFound(proxyName, ruleName);
        }
        leases.release(leaseKey(proxyName, ruleName));
    }

    public Optional<Lease> ruleLease(String proxyName, String ruleName) {
        return leases.lease(leaseKey(proxyName, ruleName));
    }

    /** Removes every rule of every proxy with its lease; the proxies keep listening. Returns how many rules went. */
    public synchronized int resetAll() {
        int removed = 0;
        for (HttpProxy proxy : proxies.values()) {
            for (HttpRule rule : proxy.rules().all()) {
                proxy.rules().remove(rule.name(), rule);
                leases.release(leaseKey(proxy.name(), rule.name()));
                removed++;
            }
        }
        return removed;
    }

    private synchronized void expire(HttpProxy proxy, HttpRule rule) {
        if (proxies.get(proxy.name()) == proxy && proxy.rules().remove(rule.name(), rule)) {
            LOG.warn("rule {} of http proxy {} removed: its lease ended (expired or revoked)", rule.name(), proxy.name());
        }
    }

    private static ApiException ruleNotFound(String proxy, String rule) {
        return ApiException.notFound("rule " + rule + " not found on http proxy " + proxy);
    }

    /** Stops every proxy and forgets their rules' leases. */
    @Override
    public synchronized void close() {
        for (String name : List.copyOf(proxies.keySet())) {
            delete(name);
        }
    }
}
