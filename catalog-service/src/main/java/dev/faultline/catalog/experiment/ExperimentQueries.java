package dev.faultline.catalog.experiment;

import dev.faultline.catalog.streams.StoreAccess;
import dev.faultline.kit.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the {@value ExperimentTopology#STORE} store. Throws a 503 {@link ApiException} while the
 * store cannot be queried.
 */
@Singleton
public class ExperimentQueries {

    /** Most recently updated first, then by id. */
    public static final Comparator<ExperimentResponse> NEWEST_FIRST = Comparator
            .comparing((ExperimentResponse e) -> e.updatedAt() == null ? Instant.EPOCH : e.updatedAt()).reversed()
            .thenComparing(ExperimentResponse::experimentId);

    private final StoreAccess stores;

    public ExperimentQueries(StoreAccess stores) {
        this.stores = stores;
    }

    /** The experiment's status and timeline; empty when no event of it was seen. */
    public Optional<ExperimentResponse> experiment(String experimentId) {
        return Optional.ofNullable(store().get(experimentId)).map(view -> ExperimentResponse.of(experimentId, view));
    }

    /** Every experiment, most recently updated first. */
    public List<ExperimentResponse> all() {
        List<ExperimentResponse> experiments = new ArrayList<>();
        try (KeyValueIterator<String, ExperimentView> views = store().all()) {
            while (views.hasNext()) {
                KeyValue<String, ExperimentView> view = views.next();
                experiments.add(ExperimentResponse.of(view.key, view.value));
            }
        }
        experiments.sort(NEWEST_FIRST);
        return experiments;
    }

    private ReadOnlyKeyValueStore<String, ExperimentView> store() {
        return stores.<ExperimentView>keyValueStore(ExperimentTopology.STORE)
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "experiment views are not queryable yet (starting or rebalancing); retry shortly"));
    }
}
