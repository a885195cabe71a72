package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Changes one upstream response on its way to the client, part by part, so that large
 * bodies stream. A fresh instance serves one response (it may keep state such as a byte
 * count). It must keep the framing valid: a body whose length changes needs a matching
 * {@code Content-Length} or chunked encoding.
 */
public interface ResponseRewrite {

    /** The response head; returns the head to send (the same object, possibly changed). */
    HttpResponse head(HttpResponse response);

    /**
     * A body part (a {@link LastHttpContent} ends the body); returns the part to send, or
     * null to send nothing. Takes ownership of {@code content}: release what is not returned.
     */
    HttpContent content(HttpContent content);

    /** Leaves the response exactly as upstream sent it. */
    ResponseRewrite NONE = new ResponseRewrite() {
        @Override
        public HttpResponse head(HttpResponse response) {
            return response;
        }

        @Override
        public HttpContent content(HttpContent content) {
            return content;
        }
    };
}
