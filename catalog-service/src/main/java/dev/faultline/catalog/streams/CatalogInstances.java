package dev.faultline.catalog.streams;

import dev.faultline.catalog.CatalogSettings;
import dev.faultline.kit.http.ApiException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of this Streams application and what they own, from Streams' metadata (each instance's
 * {@code application.server}, {@link CatalogSettings#applicationServer()}): a query for one key is forwarded to the
 * instance whose store holds it, a listing gathers every instance's part. A forwarded request carries
 * {@value #LOCAL_ONLY} and is answered from the receiver's own stores, so a request is forwarded at most once. An
 * instance that runs alone (no application server set) answers everything itself.
 */
@Singleton
public class CatalogInstances {

    /** The header of a request one instance sends another: answer from your own stores only. */
    public static final String LOCAL_ONLY = "X-Faultline-Local-Only";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<HostInfo> self;
    private final BeanProvider<KafkaStreams> streams;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public CatalogInstances(CatalogSettings settings, BeanProvider<KafkaStreams> streams, JsonMapper json) {
        this.self = settings.applicationServer().map(HostInfo::buildFromEndpoint);
        this.streams = streams;
        this.json = json;
    }

    /** Whether {@code request} is to be answered from this instance's stores alone (forwarded, or no other instance). */
    public boolean answersLocally(HttpRequest<?> request) {
        return self.isEmpty() || request.getHeaders().contains(LOCAL_ONLY);
    }

    /**
     * The other instance whose {@code store} holds {@code key}; empty when it is this one. Throws 503 while Streams
     * does not know (starting, rebalancing).
     */
    public Optional<HostInfo> ownerOf(String store, String key) {
        if (self.isEmpty()) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = streams.get().queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw unavailable("no instance owns " + key + " in " + store + " now");
        }
        return metadata.activeHost().equals(self.get()) ? Optional.empty() : Optional.of(metadata.activeHost());
    }

    /** The other instances that hold a part of {@code store}. */
    public List<HostInfo> others(String store) {
        if (self.isEmpty()) {
            return List.of();
        }
        return streams.get().streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self.get())).distinct().toList();
    }

    /** {@code request} sent as is (path, query, the caller's token and Accept) to {@code host}; its answer as is. */
    public CompletableFuture<MutableHttpResponse<byte[]>> forward(HostInfo host, HttpRequest<?> request) {
        return http.sendAsync(localRequest(host, request), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw unavailable("catalog-service at " + address(host) + " did not answer: " + failure.getMessage());
                    }
                    MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.statusCode()))
                            .body(answer.body());
                    answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(response::contentType);
                    return response;
                });
    }

    /**
     * {@code local} and the answer to a GET of {@code path} (with {@code request}'s token) from every other instance
     * holding part of {@code store}, each a JSON list of {@code type}. Throws 503 if an instance does not answer 200.
     */
    public <T> List<T> gather(String store, HttpRequest<?> request, String path, List<T> local, Class<T> type) {
        List<T> all = new ArrayList<>(local);
        if (answersLocally(request)) {
            return all;
        }
        for (HostInfo host : others(store)) {
            all.addAll(find(host, request, path, Argument.listOf(type)).orElseThrow(() -> unavailable(
                    "catalog-service at " + address(host) + " answered 404 to " + path)));
        }
        return all;
    }

    /**
     * The JSON answer of {@code host} to a GET of {@code path} with {@code request}'s token, as {@code type}; empty
     * when it answers 404.
     */
    public <T> Optional<T> find(HostInfo host, HttpRequest<?> request, String path, Argument<T> type) {
        return read(host, java.net.http.HttpRequest.newBuilder(URI.create("http://" + address(host) + path)), request, type);
    }

    private <T> Optional<T> read(HostInfo host, java.net.http.HttpRequest.Builder builder, HttpRequest<?> request,
                                 Argument<T> type) {
        try {
            java.net.http.HttpResponse<byte[]> answer = http.send(withCallerHeaders(builder, request).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw unavailable("catalog-service at " + address(host) + " answered " + answer.statusCode());
            }
            return Optional.of(json.readValue(answer.body(), type));
        } catch (IOException e) {
            throw unavailable("catalog-service at " + address(host) + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking catalog-service at " + address(host));
        }
    }

    private java.net.http.HttpRequest localRequest(HostInfo host, HttpRequest<?> request) {
        return withCallerHeaders(java.net.http.HttpRequest.newBuilder(URI.create("http://" + address(host)
                + request.getUri())), request).build();
    }

    private static java.net.http.HttpRequest.Builder withCallerHeaders(java.net.http.HttpRequest.Builder builder,
                                                                      HttpRequest<?> request) {
        builder.timeout(TIMEOUT).header(LOCAL_ONLY, "true");
        request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION).ifPresent(v -> builder.header(HttpHeaders.AUTHORIZATION, v));
        request.getHeaders().getFirst(HttpHeaders.ACCEPT).ifPresent(v -> builder.header(HttpHeaders.ACCEPT, v));
        return builder.GET();
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static ApiException unavailable(String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, why + "; retry shortly");
    }
}
