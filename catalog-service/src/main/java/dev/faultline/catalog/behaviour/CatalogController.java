package dev.faultline.catalog.behaviour;

import dev.faultline.catalog.streams.CatalogInstances;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.FaultType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code GET /catalog}, {@code /catalog/gaps}, {@code /catalog/{service}/{faultType}}: the known-behaviour catalog.
 * With several instances ({@link CatalogInstances}), one entry is answered by the instance that owns its key (the
 * request forwarded there), a listing and the gaps from every instance's part.
 */
@Controller("/catalog")
public class CatalogController {

    private final CatalogQueries queries;
    private final BehaviourJson json;
    private final CatalogInstances instances;

    public CatalogController(CatalogQueries queries, BehaviourJson json, CatalogInstances instances) {
        this.queries = queries;
        this.json = json;
        this.instances = instances;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<BehaviourView> all(HttpRequest<?> request) {
        return entries(queries, instances, request);
    }

    @Get("/gaps")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<Gap> gaps(HttpRequest<?> request) {
        return instances.answersLocally(request) ? queries.gaps() : queries.gaps(entries(queries, instances, request));
    }

    /**
     * A {@link BehaviourView}, its JSON written once per version of the entry ({@link BehaviourJson}); forwarded to
     * the instance that owns the entry when another one does.
     */
    @Get(value = "/{service}/{faultType}", produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<MutableHttpResponse<byte[]>> behaviour(String service, String faultType, HttpRequest<?> request) {
        FaultType type = parse(faultType);
        if (!instances.answersLocally(request)) {
            Optional<HostInfo> owner = instances.ownerOf(KnownBehaviourTopology.STORE,
                    KnownBehaviourRules.behaviourKey(service, type));
            if (owner.isPresent()) {
                return instances.forward(owner.get(), request);
            }
        }
        return CompletableFuture.completedFuture(HttpResponse.ok(queries.entry(service, type).map(json::of)
                .orElseThrow(() -> ApiException.notFound("nothing is known about " + service + " under " + type
                        + ": it has never been tested"))));
    }

    /** Every entry of every instance (this one's alone for a request another instance sent), by behaviour key. */
    public static List<BehaviourView> entries(CatalogQueries queries, CatalogInstances instances, HttpRequest<?> request) {
        List<BehaviourView> all = new ArrayList<>(instances.gather(KnownBehaviourTopology.STORE, request, "/catalog",
                queries.all(), BehaviourView.class));
        all.sort(Comparator.comparing(BehaviourView::behaviourKey));
        return all;
    }

    private static FaultType parse(String faultType) {
        try {
            FaultType type = FaultType.valueOf(faultType.toUpperCase(java.util.Locale.ROOT));
            if (type != FaultType.UNKNOWN) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("unknown fault type '" + faultType + "'; one of " + Arrays.stream(FaultType.values())
                .filter(t -> t != FaultType.UNKNOWN).map(Enum::name).toList());
    }
}
