package dev.faultline.dataplane.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * A live rule on one L7 proxy: its spec and how many requests it has matched and affected
 * since it was created (evidence of the share actually applied).
 */
public final class HttpRule {

    private final HttpRuleSpec spec;
    private final LongAdder matched = new LongAdder();
    private final LongAdder applied = new LongAdder();

    HttpRule(HttpRuleSpec spec) {
        this.spec = spec;
    }

    public HttpRuleSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public long matched() {
        return matched.sum();
    }

    public long applied() {
        return applied.sum();
    }

    void countMatch(boolean selected) {
        matched.increment();
        if (selected) {
            applied.increment();
        }
    }
}
