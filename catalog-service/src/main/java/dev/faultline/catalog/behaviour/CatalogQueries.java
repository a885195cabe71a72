package dev.faultline.catalog.behaviour;

import dev.faultline.catalog.streams.DeclaredStores;
import dev.faultline.catalog.streams.StoreAccess;
import dev.faultline.declarations.failuremode.BuiltInFailureModes;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.TargetDeclared;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the {@value KnownBehaviourTopology#STORE} store: one entry, all entries, and the gaps
 * (declared services never tested under a failure mode their templates cover, then entries gone stale). Throws a 503
 * {@link ApiException} while a store cannot be queried.
 */
@Singleton
public class CatalogQueries {

    private final StoreAccess stores;
    private final List<FailureModeDeclared> builtIn;

    @Inject
    public CatalogQueries(StoreAccess stores) {
        this(stores, BuiltInFailureModes.all(Clock.systemUTC()));
    }

    /** @param builtIn the built-in failure-mode templates */
    public CatalogQueries(StoreAccess stores, List<FailureModeDeclared> builtIn) {
        this.stores = stores;
        this.builtIn = List.copyOf(builtIn);
    }

    /** What is known about {@code service} under {@code faultType}; empty when it was never tested. */
    public Optional<BehaviourView> behaviour(String service, FaultType faultType) {
        return entry(service, faultType).map(BehaviourView::of);
    }

    /** The stored entry for {@code service} under {@code faultType}; empty when it was never tested. */
    public Optional<KnownBehaviourUpdated> entry(String service, FaultType faultType) {
        return Optional.ofNullable(catalog().get(KnownBehaviourRules.behaviourKey(service, faultType)));
    }

    /** Every entry, by behaviour key. */
    public List<BehaviourView> all() {
        List<BehaviourView> views = new ArrayList<>();
        try (KeyValueIterator<String, KnownBehaviourUpdated> entries = catalog().all()) {
            entries.forEachRemaining(entry -> views.add(BehaviourView.of(entry.value)));
        }
        views.sort(Comparator.comparing(BehaviourView::behaviourKey));
        return views;
    }

    /** Expected failure modes never tested (by service, then fault type), then stale entries (by behaviour key). */
    public List<Gap> gaps() {
        return gaps(all());
    }

    /**
     * The gaps of a catalog of {@code entries} (every instance's, when several share the catalog): expected failure
     * modes never tested (by service, then fault type), then stale entries (by behaviour key).
     */
    public List<Gap> gaps(List<BehaviourView> entries) {
        Set<String> tested = new HashSet<>();
        List<BehaviourView> stale = new ArrayList<>();
        for (BehaviourView entry : entries) {
            tested.add(entry.behaviourKey());
            if (entry.stale()) {
                stale.add(entry);
            }
        }
        List<Expectations.Expected> expected = Expectations.of(values(DeclaredStores.TARGETS, TargetDeclared.class),
                templates());
        Map<String, Expectations.Expected> byService = new HashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (Expectations.Expected e : expected) {
            byService.putIfAbsent(e.service(), e);
            if (!tested.contains(KnownBehaviourRules.behaviourKey(e.service(), e.faultType()))) {
                gaps.add(new Gap(e.service(), e.faultType().name(), false, false, null, e.service() + " ("
                        + e.serviceType() + ") has never been tested under " + e.faultType(), e.environments(),
                        e.dependencies()));
            }
        }
        stale.sort(Comparator.comparing(BehaviourView::behaviourKey));
        for (BehaviourView view : stale) {
            Optional<Expectations.Expected> target = Optional.ofNullable(byService.get(view.service()));
            gaps.add(new Gap(view.service(), view.faultType(), true, true, view.lastTestedAt(), view.staleReason(),
                    target.map(Expectations.Expected::environments).orElse(List.of()),
                    target.map(Expectations.Expected::dependencies).orElse(List.of())));
        }
        return gaps;
    }

    private List<FailureModeDeclared> templates() {
        List<FailureModeDeclared> templates = new ArrayList<>(builtIn);
        templates.addAll(values(DeclaredStores.FAILURE_MODES, FailureModeDeclared.class));
        return templates;
    }

    private <V> List<V> values(String storeName, Class<V> type) {
        ReadOnlyKeyValueStore<String, V> store = stores.<V>keyValueStore(storeName).orElseThrow(this::unavailable);
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> values.add(type.cast(entry.value)));
        }
        return values;
    }

    private ReadOnlyKeyValueStore<String, KnownBehaviourUpdated> catalog() {
        return stores.<KnownBehaviourUpdated>keyValueStore(KnownBehaviourTopology.STORE).orElseThrow(this::unavailable);
    }

    private ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "the catalog is not queryable yet (starting or rebalancing); retry shortly");
    }
}
