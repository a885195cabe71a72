package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpResponse;

/** HTTP/1.1's rules on which responses carry a body (RFC 9112 section 6.3). */
final class BodyRules {

    private BodyRules() {
    }

    static boolean mayHaveBody(HttpResponse response) {
        int code = response.status().code();
        return code >= 200 && code != 204 && code != 304;
    }
}
