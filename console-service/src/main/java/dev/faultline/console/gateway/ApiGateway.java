package dev.faultline.console.gateway;

import dev.faultline.kit.http.ApiError;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The console's {@code /api/...}: each request the {@link Routes} allow is sent on to its service with the caller's
 * own bearer token, and the service's answer — status, content type and body, a 4xx with its reasons included — comes
 * back unchanged; the services decide who may do what. A request the console does not forward is a 404 listing what
 * it does; a service that does not answer is a 502 naming it. Micronaut's HTTP client, one per service (an error
 * status arrives as its exception, whose response is relayed like any other).
 */
@Controller("/api")
public class ApiGateway {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final Map<Upstream, HttpClient> clients = new EnumMap<>(Upstream.class);

    public ApiGateway(Environment environment) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(READ_TIMEOUT);
        for (Upstream upstream : Upstream.values()) {
            String url = environment.getProperty(upstream.setting(), String.class).orElse(upstream.defaultUrl());
            clients.put(upstream, HttpClient.create(toUrl(upstream, url), configuration));
        }
    }

    @Get("/{+path}")
    public Publisher<MutableHttpResponse<?>> get(HttpRequest<?> request, @PathVariable String path) {
        return forward(request, path, HttpRequest.GET(target(request, path)));
    }

    @Post("/{+path}")
    public Publisher<MutableHttpResponse<?>> post(HttpRequest<?> request, @PathVariable String path,
                                                  @Nullable @Body String body) {
        return forward(request, path, HttpRequest.POST(target(request, path), body == null ? "" : body));
    }

    @Delete("/{+path}")
    public Publisher<MutableHttpResponse<?>> delete(HttpRequest<?> request, @PathVariable String path) {
        return forward(request, path, HttpRequest.DELETE(target(request, path)));
    }

    private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> incoming, String path,
                                                      MutableHttpRequest<?> outgoing) {
        HttpMethod method = incoming.getMethod();
        Upstream upstream = Routes.of(method, path).orElse(null);
        if (upstream == null) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "the console does not forward " + method + " /api/" + path,
                    List.of("it forwards " + Routes.described())));
        }
        for (String header : List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            incoming.getHeaders().getFirst(header).ifPresent(value -> outgoing.header(header, value));
        }
        return Mono.from(clients.get(upstream).exchange(outgoing, byte[].class))
                .<MutableHttpResponse<?>>map(ApiGateway::relayed)
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just(relayed(e.getResponse())))
                .onErrorResume(HttpClientException.class, e -> Mono.just(error(HttpStatus.BAD_GATEWAY,
                        upstream.serviceName() + " did not answer " + method + " /" + path, List.of(e.getMessage()))));
    }

    private static MutableHttpResponse<?> relayed(HttpResponse<?> answer) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(answer.getStatus());
        answer.getContentType().ifPresent(response::contentType);
        answer.getBody(byte[].class).ifPresent(response::body);
        return response;
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String message, List<String> reasons) {
        return HttpResponse.status(status).body(new ApiError(status.getCode(), message, reasons));
    }

    /** The path and query string below the service's root. */
    private static String target(HttpRequest<?> request, String path) {
        String query = request.getUri().getRawQuery();
        return "/" + path + (query == null ? "" : "?" + query);
    }

    private static URL toUrl(Upstream upstream, String url) {
        try {
            return URI.create(url).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException(upstream.setting() + " is not a URL: " + url, e);
        }
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
