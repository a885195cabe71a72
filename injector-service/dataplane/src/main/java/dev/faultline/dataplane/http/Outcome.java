package dev.faultline.dataplane.http;

import java.util.List;
import java.util.Map;

/**
 * What happens to one request: forwarded upstream (after a delay, with its response
 * rewritten or not), answered by the proxy itself, or aborted. The closed set of things the
 * proxy knows how to do; a new action combines them.
 */
public sealed interface Outcome {

    /** Untouched pass-through. */
    Outcome PASS = new Forward(0, ResponseRewrite.NONE);

    /**
     * Forward the request upstream once {@code delayNanos} have passed (later requests on the
     * connection wait behind it, as HTTP/1.1 requires), then send the response through {@code rewrite}.
     */
    record Forward(long delayNanos, ResponseRewrite rewrite) implements Outcome {
    }

    /** Answer with this response instead of asking upstream; the request body is read and dropped. */
    record Respond(int status, List<Map.Entry<String, String>> headers, byte[] body) implements Outcome {
    }

    /** When the request's turn comes, close the client connection: gracefully, or with a TCP reset. */
    record Abort(boolean reset) implements Outcome {
    }
}
