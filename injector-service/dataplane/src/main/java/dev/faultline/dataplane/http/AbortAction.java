package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpRequest;
import java.util.random.RandomGenerator;

/**
 * {@code abort}: the request is not forwarded; when its turn to be answered comes (responses
 * to earlier requests on the connection are sent first), the client connection is closed
 * without a response: {@code close} with a FIN, {@code reset} with a TCP RST.
 *
 * @param mode {@code close} (default) or {@code reset}
 */
public record AbortAction(String mode) implements HttpAction {

    public AbortAction {
        mode = mode == null ? "close" : mode;
        if (!mode.equals("close") && !mode.equals("reset")) {
            throw new IllegalArgumentException("attribute 'mode' must be 'close' or 'reset', was '" + mode + "'");
        }
    }

    @Override
    public Outcome apply(HttpRequest request, RandomGenerator random) {
        return new Outcome.Abort(mode.equals("reset"));
    }
}
