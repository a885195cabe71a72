package dev.faultline.agent.api;

import java.util.Optional;

/**
 * A group of API routes. The server asks each group in turn; the first that answers
 * (non-empty) wins, so a feature plugs in as one more group without touching the others.
 */
public interface ApiRoutes {

    /**
     * Answers the request, or returns empty when the path is not one of this group's.
     *
     * @throws ApiException when the path is this group's but the request is invalid
     */
    Optional<ApiResponse> handle(ApiRequest request);
}
