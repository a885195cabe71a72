package dev.faultline.catalog.streams;

import dev.faultline.kit.http.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a query that reached a store Streams is restoring or moving (rebalancing) with 503, like a store that is
 * not queryable at all, rather than 500.
 */
@Produces
@Singleton
public class StoreUnavailableHandler implements ExceptionHandler<InvalidStateStoreException, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidStateStoreException exception) {
        LOG.debug("store not queryable now: {}", exception.getMessage());
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(),
                "the catalog's stores are not queryable now (starting or rebalancing); retry shortly", List.of()));
    }
}
