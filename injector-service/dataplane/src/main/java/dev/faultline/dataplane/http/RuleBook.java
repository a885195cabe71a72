package dev.faultline.dataplane.http;

import dev.faultline.dataplane.api.ApiException;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * The ordered rules of one L7 proxy. For each request the first rule (in creation order)
 * whose match applies decides: its {@link ShareDraw} says whether it is affected, and either its action runs or
 * the request passes through untouched; later rules are not consulted. Reads are lock-free
 * (event loops), changes come from the management API and the lease reaper.
 */
final class RuleBook {

    private final CopyOnWriteArrayList<HttpRule> rules = new CopyOnWriteArrayList<>();
    private final RandomGenerator random;

    RuleBook(RandomGenerator random) {
        this.random = random;
    }

    Outcome decide(HttpRequest request) {
        for (HttpRule rule : rules) {
            if (rule.spec().match().matches(request)) {
                return rule.select() ? rule.spec().action().apply(request, random) : Outcome.PASS;
            }
        }
        return Outcome.PASS;
    }

    synchronized HttpRule add(HttpRuleSpec spec, String proxy) {
        if (find(spec.name()).isPresent()) {
            throw ApiException.conflict("rule " + spec.name() + " already exists on http proxy " + proxy + "; delete it or choose another name");
        }
        HttpRule rule = new HttpRule(spec, random);
        rules.add(rule);
        return rule;
    }

    /** Removes the rule called {@code name}, only if it is still {@code expected} when that is given. */
    synchronized boolean remove(String name, HttpRule expected) {
        return rules.removeIf(r -> r.name().equals(name) && (expected == null || r == expected));
    }

    Optional<HttpRule> find(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    List<HttpRule> all() {
        return List.copyOf(rules);
    }
}
