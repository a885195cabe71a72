package dev.faultline.dataplane.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The responses the proxy makes itself: a rule's {@code respond}, and its own 400 and 502 answers. */
final class Answers {

    private Answers() {
    }

    static Outcome.Respond plain(int status, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        return new Outcome.Respond(status, List.of(Map.entry("Content-Type", "text/plain; charset=utf-8"),
                Map.entry("Content-Length", Integer.toString(body.length))), body);
    }

    static FullHttpResponse response(Outcome.Respond respond, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(respond.status()), Unpooled.wrappedBuffer(respond.body()));
        respond.headers().forEach(h -> response.headers().add(h.getKey(), h.getValue()));
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
