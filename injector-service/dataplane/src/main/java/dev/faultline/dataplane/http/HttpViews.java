package dev.faultline.dataplane.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.lease.Lease;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the L7 API: a proxy {@code {name, listen, upstream, rules}} and a rule
 * {@code {name, type, match, share, attributes, lease, stats}}, lease times in ISO-8601 UTC.
 */
final class HttpViews {

    private HttpViews() {
    }

    record ProxyView(String name, String listen, String upstream, @JsonProperty("open_connections") int openConnections,
                     List<RuleView> rules) {
    }

    record RuleView(String name, String type, MatchView match, double share, ObjectNode attributes, LeaseView lease, StatsView stats) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchView(String method, String path, @JsonProperty("path_match") String pathMatch, Map<String, String> headers) {
    }

    record LeaseView(String holder, @JsonProperty("ttl_ms") long ttlMs, @JsonProperty("expires_at") String expiresAt) {
    }

    record StatsView(long matched, long applied) {
    }

    static ProxyView proxy(HttpProxy proxy, HttpProxyRegistry registry) {
        return new ProxyView(proxy.name(), proxy.listen().toString(), proxy.upstream().toString(), proxy.openConnections(),
                proxy.rules().all().stream().map(r -> rule(proxy.name(), r, registry)).toList());
    }

    static RuleView rule(String proxyName, HttpRule rule, HttpProxyRegistry registry) {
        HttpRuleSpec spec = rule.spec();
        HttpMatch match = spec.match();
        MatchView matchView = new MatchView(match.method(), match.path().value(), match.path().kind().wireName(), match.headers());
        LeaseView lease = registry.ruleLease(proxyName, rule.name()).map(HttpViews::lease).orElse(null);
        return new RuleView(spec.name(), spec.type(), matchView, spec.share(),
                registry.types().get(spec.type()).render(spec.action()), lease, new StatsView(rule.matched(), rule.applied()));
    }

    private static LeaseView lease(Lease lease) {
        return new LeaseView(lease.holder(), lease.ttl().toMillis(), lease.expiresAt().toString());
    }
}
