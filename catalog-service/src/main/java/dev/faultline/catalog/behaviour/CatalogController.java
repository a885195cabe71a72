package dev.faultline.catalog.behaviour;

import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.FaultType;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Arrays;
import java.util.List;

/** {@code GET /catalog}, {@code /catalog/gaps}, {@code /catalog/{service}/{faultType}}: the known-behaviour catalog. */
@Controller("/catalog")
public class CatalogController {

    private final CatalogQueries queries;
    private final BehaviourJson json;

    public CatalogController(CatalogQueries queries, BehaviourJson json) {
        this.queries = queries;
        this.json = json;
    }

    @Get
    public List<BehaviourView> all() {
        return queries.all();
    }

    @Get("/gaps")
    public List<Gap> gaps() {
        return queries.gaps();
    }

    /** A {@link BehaviourView}, its JSON written once per version of the entry ({@link BehaviourJson}). */
    @Get(value = "/{service}/{faultType}", produces = MediaType.APPLICATION_JSON)
    public byte[] behaviour(String service, String faultType) {
        FaultType type = parse(faultType);
        return queries.entry(service, type).map(json::of).orElseThrow(() -> ApiException.notFound(
                "nothing is known about " + service + " under " + type + ": it has never been tested"));
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
