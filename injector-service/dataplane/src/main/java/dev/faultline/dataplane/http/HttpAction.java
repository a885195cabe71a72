package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpRequest;
import java.util.random.RandomGenerator;

/**
 * One L7 fault kind's own attributes (a record per action: {@link RespondAction},
 * {@link DelayAction}, ...), kept apart from the rule's envelope ({@link HttpRuleSpec}).
 * For each request a rule selects, the action decides an {@link Outcome}; the proxy carries
 * it out. Called on the connection's event loop: it must not block.
 */
public interface HttpAction {

    Outcome apply(HttpRequest request, RandomGenerator random);
}
