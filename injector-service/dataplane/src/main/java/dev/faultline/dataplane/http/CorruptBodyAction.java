package dev.faultline.dataplane.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.random.RandomGenerator;

/**
 * {@code corrupt_body}: forwards the request and damages upstream's body as it streams back,
 * keeping the framing valid: every {@code flip_every}-th byte (the 1st, the N+1-th, ...) is
 * inverted (XOR 0xFF), and the body is cut after {@code truncate_to} bytes with
 * {@code Content-Length} lowered to match (a chunked body simply ends early). Status and
 * headers are kept. Responses that cannot carry a body (to HEAD, 1xx, 204, 304) pass unchanged.
 *
 * @param flipEvery  invert every N-th byte; 0 = no inversion (default 1: every byte)
 * @param truncateTo keep at most this many bytes; -1 = no truncation (default -1)
 */
public record CorruptBodyAction(@JsonProperty("flip_every") int flipEvery,
                                @JsonProperty("truncate_to") long truncateTo) implements HttpAction {

    public CorruptBodyAction {
        if (flipEvery < 0) {
            throw new IllegalArgumentException("attribute 'flip_every' must be >= 0 (0 = no inversion), was " + flipEvery);
        }
        if (truncateTo < -1) {
            throw new IllegalArgumentException("attribute 'truncate_to' must be >= 0 bytes, or -1 for no truncation, was " + truncateTo);
        }
        if (flipEvery == 0 && truncateTo == -1) {
            throw new IllegalArgumentException("corrupt_body with flip_every 0 and truncate_to -1 would change nothing; set one of them");
        }
    }

    @Override
    public Outcome apply(HttpRequest request, RandomGenerator random) {
        if (request.method().equals(HttpMethod.HEAD)) {
            return Outcome.PASS;
        }
        return new Outcome.Forward(0, new Rewrite());
    }

    private final class Rewrite implements ResponseRewrite {
        private boolean untouched;
        private long offset;

        @Override
        public HttpResponse head(HttpResponse response) {
            untouched = !BodyRules.mayHaveBody(response);
            long length = HttpUtil.getContentLength(response, -1L);
            if (!untouched && truncateTo >= 0 && length > truncateTo) {
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, truncateTo);
            }
            return response;
        }

        @Override
        public HttpContent content(HttpContent content) {
            if (untouched) {
                return content;
            }
            ByteBuf in = content.content();
            long keep = truncateTo < 0 ? in.readableBytes() : Math.max(0, Math.min(in.readableBytes(), truncateTo - offset));
            ByteBuf out = in.alloc().buffer((int) keep);
            for (int i = 0; i < keep; i++) {
                byte b = in.getByte(in.readerIndex() + i);
                out.writeByte(flipEvery > 0 && (offset + i) % flipEvery == 0 ? b ^ 0xFF : b);
            }
            offset += keep;
            HttpContent result;
            if (content instanceof LastHttpContent last) {
                LastHttpContent end = new DefaultLastHttpContent(out);
                end.trailingHeaders().set(last.trailingHeaders());
                result = end;
            } else if (keep == 0) {
                out.release();
                result = null;
            } else {
                result = new DefaultHttpContent(out);
            }
            content.release();
            return result;
        }
    }
}
