package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.lease.Lease;
import dev.faultline.dataplane.lease.LeaseRegistry;
import dev.faultline.dataplane.lease.LeaseTerms;
import dev.faultline.dataplane.toxic.ToxicSpec;
import dev.faultline.dataplane.toxic.ToxicTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L4 proxies of a data plane by name, and their faults under lease: every toxic and every
 * disabled proxy holds a lease in the shared {@link LeaseRegistry}; when it expires the fault
 * is removed exactly as a DELETE (or an enable) would. {@link #reset()} removes every fault.
 */
public final class ProxyRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyRegistry.class);

    private final Transport transport;
    private final LeaseRegistry leases;
    private final ToxicTypes types;
    private final DataPlaneConfig config;
    private final Map<String, TcpProxy> proxies = new TreeMap<>();

    public ProxyRegistry(Transport transport, LeaseRegistry leases, ToxicTypes types, DataPlaneConfig config) {
        this.transport = transport;
        this.leases = leases;
        this.types = types;
        this.config = config;
    }

    public ToxicTypes types() {
        return types;
    }

    public synchronized List<TcpProxy> all() {
        return List.copyOf(proxies.values());
    }

    public synchronized TcpProxy get(String name) {
        TcpProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiException.notFound("proxy " + name + " not found");
        }
        return proxy;
    }

    /** Creates a proxy (listening at once if enabled); 409 when the name or the port is taken. */
    public synchronized TcpProxy create(ProxyDefinition definition) {
        if (definition.name() == null || definition.name().isBlank()) {
            throw ApiException.badRequest("missing required field: name");
        }
        if (definition.name().contains("/")) {
            throw ApiException.badRequest("proxy name must not contain '/', was '" + definition.name() + "'");
        }
        if (proxies.containsKey(definition.name())) {
            throw ApiException.conflict("proxy " + definition.name() + " already exists; delete it or choose another name");
        }
        Address upstream = Address.parse("upstream", definition.upstream());
        Address listen = Address.parse("listen", definition.listen() == null ? "127.0.0.1:0" : definition.listen());
        TcpProxy proxy = new TcpProxy(definition.name(), listen, upstream, transport, config.random());
        if (definition.enabled()) {
            proxy.enable();
        }
        proxies.put(proxy.name(), proxy);
        return proxy;
    }

    /** Deletes a proxy, its toxics and their leases; open connections are closed. */
    public synchronized void delete(String name) {
        TcpProxy proxy = get(name);
        proxy.toxics().forEach(t -> leases.release(LeaseKeys.toxic(name, t.name())));
        leases.release(LeaseKeys.disabled(name));
        proxy.disable();
        proxies.remove(name);
    }

    /**
     * Changes a proxy. Disabling is a fault: it gets a lease, and expiry enables the proxy again.
     * A new listen or upstream address restarts the proxy with its toxics (open connections close).
     */
    public synchronized TcpProxy update(String name, ProxyDefinition changes, LeaseTerms lease) {
        TcpProxy proxy = get(name);
        if (!proxy.listen().equals(changes.listen()) || !proxy.upstream().equals(changes.upstream())) {
            proxy = readdress(proxy, changes);
        }
        if (changes.enabled()) {
            proxy.enable();
            leases.release(LeaseKeys.disabled(name));
        } else {
            proxy.disable();
            leases.grant(LeaseKeys.disabled(name), terms(lease), () -> expireDisabled(name));
        }
        return proxy;
    }

    private TcpProxy readdress(TcpProxy old, ProxyDefinition changes) {
        Address listen = Address.parse("listen", changes.listen());
        Address upstream = Address.parse("upstream", changes.upstream());
        boolean wasEnabled = old.enabled();
        old.disable();
        TcpProxy fresh = new TcpProxy(old.name(), listen, upstream, transport, config.random());
        old.toxics().forEach(fresh::addToxic);
        if (wasEnabled) {
            try {
                fresh.enable();
            } catch (ApiException e) {
                old.enable();
                throw e;
            }
        }
        proxies.put(fresh.name(), fresh);
        return fresh;
    }

    private synchronized void expireDisabled(String name) {
        TcpProxy proxy = proxies.get(name);
        if (proxy != null) {
            proxy.enable();
        }
    }

    public synchronized Lease addToxic(String proxyName, ToxicSpec spec, LeaseTerms lease) {
        TcpProxy proxy = get(proxyName);
        proxy.addToxic(spec);
        return leases.grant(LeaseKeys.toxic(proxyName, spec.name()), terms(lease), () -> expireToxic(proxyName, spec));
    }

    /** Replaces a toxic's settings; the update renews its lease (on new terms when given). */
    public synchronized Lease updateToxic(String proxyName, ToxicSpec spec, LeaseTerms lease) {
        TcpProxy proxy = get(proxyName);
        proxy.replaceToxic(spec);
        String key = LeaseKeys.toxic(proxyName, spec.name());
        LeaseTerms terms = lease != null ? lease
                : leases.lease(key).map(l -> new LeaseTerms(l.holder(), l.ttl())).orElse(terms(null));
        return leases.grant(key, terms, () -> expireToxic(proxyName, spec));
    }

    public synchronized void removeToxic(String proxyName, String toxicName) {
        TcpProxy proxy = get(proxyName);
        if (!proxy.removeToxic(toxicName, null)) {
            throw proxy.toxicNotFound(toxicName);
        }
        leases.release(LeaseKeys.toxic(proxyName, toxicName));
    }

    private synchronized void expireToxic(String proxyName, ToxicSpec spec) {
        TcpProxy proxy = proxies.get(proxyName);
        if (proxy != null && proxy.removeToxic(spec.name(), spec)) {
            LOG.warn("toxic {} of proxy {} removed: its lease ended (expired or revoked)", spec.name(), proxyName);
        }
    }

    public Optional<Lease> toxicLease(String proxyName, String toxicName) {
        return leases.lease(LeaseKeys.toxic(proxyName, toxicName));
    }

    public Optional<Lease> disabledLease(String proxyName) {
        return leases.lease(LeaseKeys.disabled(proxyName));
    }

    /**
     * Toxiproxy's reset: every proxy enabled and every toxic removed, with their leases. Goes
     * through all proxies even if one cannot listen again, then reports the first such failure.
     */
    public synchronized void reset() {
        ApiException failure = null;
        for (TcpProxy proxy : proxies.values()) {
            for (ToxicSpec toxic : proxy.toxics()) {
                proxy.removeToxic(toxic.name(), null);
                leases.release(LeaseKeys.toxic(proxy.name(), toxic.name()));
            }
            leases.release(LeaseKeys.disabled(proxy.name()));
            try {
                proxy.enable();
            } catch (ApiException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Toxiproxy's populate: creates the given proxies, replacing a same-named one whose
     * addresses differ and keeping one that matches. Stops at the first failure, which is
     * returned beside the proxies handled so far.
     */
    public synchronized PopulateResult populate(List<ProxyDefinition> definitions) {
        List<TcpProxy> done = new ArrayList<>();
        try {
            for (ProxyDefinition d : definitions) {
                TcpProxy existing = proxies.get(d.name());
                if (existing != null && sameAddresses(existing, d)) {
                    done.add(existing);
                    continue;
                }
                if (existing != null) {
                    delete(d.name());
                }
                done.add(create(d));
            }
            return new PopulateResult(done, null);
        } catch (ApiException e) {
            return new PopulateResult(done, e);
        }
    }

    private static boolean sameAddresses(TcpProxy proxy, ProxyDefinition d) {
        return d.listen() != null && Address.parse("listen", d.listen()).toString().equals(proxy.listen())
                && Address.parse("upstream", d.upstream()).toString().equals(proxy.upstream());
    }

    /** The proxies a populate handled, and the error that stopped it (null when none). */
    public record PopulateResult(List<TcpProxy> proxies, ApiException error) {
    }

    private LeaseTerms terms(LeaseTerms requested) {
        return requested != null ? requested : LeaseTerms.byDefault(config.defaultLease());
    }

    /** Stops every proxy (closing their connections) and forgets every lease of theirs. */
    @Override
    public synchronized void close() {
        for (String name : List.copyOf(proxies.keySet())) {
            delete(name);
        }
    }
}
