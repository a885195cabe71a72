package dev.faultline.dataplane.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * {@code replace_body}: forwards the request, then sends upstream's status and headers with
 * {@code body} in place of upstream's body (which is read and dropped as it streams in).
 * {@code Content-Length} is set to the new length and any {@code Transfer-Encoding} removed.
 * Responses that cannot carry a body (to HEAD, 1xx, 204, 304) pass unchanged.
 *
 * @param body        the new body as UTF-8 text (default empty)
 * @param contentType new Content-Type; null (default) keeps upstream's
 */
public record ReplaceBodyAction(String body, @JsonProperty("content_type") String contentType) implements HttpAction {

    public ReplaceBodyAction {
        body = body == null ? "" : body;
    }

    @Override
    public Outcome apply(HttpRequest request, RandomGenerator random) {
        if (request.method().equals(HttpMethod.HEAD)) {
            return Outcome.PASS;
        }
        return new Outcome.Forward(0, new Rewrite(body.getBytes(StandardCharsets.UTF_8)));
    }

    private final class Rewrite implements ResponseRewrite {
        private final byte[] replacement;
        private boolean untouched;

        Rewrite(byte[] replacement) {
            this.replacement = replacement;
        }

        @Override
        public HttpResponse head(HttpResponse response) {
            untouched = !BodyRules.mayHaveBody(response);
            if (!untouched) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, replacement.length);
                if (contentType != null) {
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
                }
            }
            return response;
        }

        @Override
        public HttpContent content(HttpContent content) {
            if (untouched) {
                return content;
            }
            content.release();
            return content instanceof LastHttpContent ? new DefaultLastHttpContent(Unpooled.wrappedBuffer(replacement)) : null;
        }
    }
}
