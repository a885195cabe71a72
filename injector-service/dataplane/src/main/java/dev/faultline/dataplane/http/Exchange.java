package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * One request/response pair on a client connection: how its response is produced (rewrite
 * of upstream's, or none when the proxy answers itself), what happens after it (close the
 * connection, or abort instead of answering) and the response parts waiting for their turn.
 * Touched only on the connection's event loop.
 */
final class Exchange {

    /** What the connection does once this exchange's turn has come and gone. */
    enum After { CONTINUE, CLOSE, ABORT_CLOSE, ABORT_RESET }

    private final ResponseRewrite rewrite;
    private final List<HttpObject> waiting = new ArrayList<>(2);
    private After after;
    private boolean done;
    private boolean started;

    Exchange(ResponseRewrite rewrite, boolean keepAlive) {
        this.rewrite = rewrite;
        this.after = keepAlive ? After.CONTINUE : After.CLOSE;
    }

    ResponseRewrite rewrite() {
        return rewrite;
    }

    After after() {
        return after;
    }

    /** The connection ends after this response (a request or response without keep-alive). */
    void closeAfter() {
        if (after == After.CONTINUE) {
            after = After.CLOSE;
        }
    }

    void abort(boolean reset) {
        after = reset ? After.ABORT_RESET : After.ABORT_CLOSE;
        done = true;
    }

    boolean done() {
        return done;
    }

    void markDone() {
        done = true;
    }

    /** Whether any part of the response has been produced (a half-sent response cannot be replaced by a 502). */
    boolean started() {
        return started;
    }

    void markStarted() {
        started = true;
    }

    void park(HttpObject part) {
        waiting.add(part);
    }

    List<HttpObject> takeWaiting() {
        List<HttpObject> parts = List.copyOf(waiting);
        waiting.clear();
        return parts;
    }

    void discard() {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
    }
}
