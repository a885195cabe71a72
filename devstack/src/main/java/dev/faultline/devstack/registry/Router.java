package dev.faultline.devstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a method and path against templates such as {@code /subjects/{subject}/versions};
 * answers Jersey's 404 for an unknown path and 405 for a known path with another method.
 */
final class Router {

    /** A route's behaviour. */
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(String method, List<String> parts, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        List<String> parts = List.of(template.split("/")).stream().filter(s -> !s.isEmpty()).toList();
        routes.add(new Route(method, parts, handler));
        return this;
    }

    ApiResponse dispatch(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.parts(), request.segments());
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request.withPathParams(params));
                }
            }
        }
        return pathKnown ? ApiResponse.error(405, 405, "HTTP 405 Method Not Allowed")
                : ApiResponse.error(404, 404, "HTTP 404 Not Found");
    }

    private static Map<String, String> match(List<String> parts, List<String> segments) {
        if (parts.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{")) {
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
