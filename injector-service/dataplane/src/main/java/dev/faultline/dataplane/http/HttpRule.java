package dev.faultline.dataplane.http;

import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * A live rule on one L7 proxy: its spec and how many requests it has matched and affected
 * since it was created (evidence of the share actually applied).
 */
public final class HttpRule {

    private final HttpRuleSpec spec;
    private final LongAdder matched = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final ShareDraw draw;

    HttpRule(HttpRuleSpec spec, RandomGenerator random) {
        this.spec = spec;
        this.draw = new ShareDraw(spec.share(), random);
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

    /** Counts a matching request and says whether the rule affects it (see {@link ShareDraw}). */
    boolean select() {
        boolean selected = draw.next();
        matched.increment();
        if (selected) {
            applied.increment();
        }
        return selected;
    }
}
