package dev.faultline.demo.http;

import java.util.Map;

/** An incoming request as a handler sees it: method, path, the route's path parameters and the body. */
public record Request(String method, String path, Map<String, String> pathParams, byte[] body) {

    public String param(String name) {
        return pathParams.get(name);
    }
}
