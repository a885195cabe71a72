package dev.faultline.dataplane.toxiproxy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.lease.Lease;
import dev.faultline.dataplane.proxy.ProxyRegistry;
import dev.faultline.dataplane.proxy.TcpProxy;
import dev.faultline.dataplane.toxic.Stream;
import dev.faultline.dataplane.toxic.ToxicSpec;
import java.util.List;
import java.util.Optional;

/**
 * Toxiproxy's JSON shapes, plus Faultline's lease fields (which Toxiproxy clients ignore):
 * a proxy {@code {name, listen, upstream, enabled, toxics, lease?}} and a toxic
 * {@code {name, type, stream, toxicity, attributes, lease}}.
 */
final class Views {

    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProxyView(String name, String listen, String upstream, boolean enabled, List<ToxicView> toxics, LeaseView lease) {
    }

    record ToxicView(String name, String type, Stream stream, double toxicity, ObjectNode attributes, LeaseView lease) {
    }

    /** A lease as the API shows it; {@code expires_at} in ISO-8601 UTC. */
    record LeaseView(String holder, @JsonProperty("ttl_ms") long ttlMs, @JsonProperty("expires_at") String expiresAt) {

        static LeaseView of(Lease lease) {
            return new LeaseView(lease.holder(), lease.ttl().toMillis(), lease.expiresAt().toString());
        }

        static LeaseView of(Optional<Lease> lease) {
            return lease.map(LeaseView::of).orElse(null);
        }
    }

    static ProxyView proxy(TcpProxy proxy, ProxyRegistry registry) {
        List<ToxicView> toxics = proxy.toxics().stream().map(t -> toxic(proxy, t, registry)).toList();
        return new ProxyView(proxy.name(), proxy.listen(), proxy.upstream(), proxy.enabled(), toxics,
                proxy.enabled() ? null : LeaseView.of(registry.disabledLease(proxy.name())));
    }

    static ToxicView toxic(TcpProxy proxy, ToxicSpec toxic, ProxyRegistry registry) {
        ObjectNode attributes = registry.types().get(toxic.type()).render(toxic.attributes());
        return new ToxicView(toxic.name(), toxic.type(), toxic.stream(), toxic.toxicity(), attributes,
                LeaseView.of(registry.toxicLease(proxy.name(), toxic.name())));
    }
}
