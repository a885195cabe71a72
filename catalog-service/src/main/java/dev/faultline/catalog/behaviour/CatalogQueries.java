package dev.faultline.catalog.behaviour;

import dev.faultline.catalog.CatalogSettings;
import dev.faultline.catalog.streams.StoreAccess;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the {@value KnownBehaviourTopology#STORE} store: one entry, all entries, and the gaps
 * (expected failure modes never tested, entries gone stale). Throws a 503 {@link ApiException} while the store
 * cannot be queried.
 */
@Singleton
public class CatalogQueries {

    private final StoreAccess stores;
    private final Map<String, List<FaultType>> expected;
    private final Duration staleAfter;
    private final Clock clock;

    @Inject
    public CatalogQueries(StoreAccess stores, CatalogSettings settings) {
        this(stores, settings.expected(), settings.staleAfter(), Clock.systemUTC());
    }

    public CatalogQueries(StoreAccess stores, Map<String, List<String>> expected, Duration staleAfter, Clock clock) {
        this.stores = stores;
        this.expected = parse(expected);
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** What is known about {@code service} under {@code faultType}; empty when it was never tested. */
    public Optional<BehaviourView> behaviour(String service, FaultType faultType) {
        KnownBehaviourUpdated entry = store().get(KnownBehaviourRules.behaviourKey(service, faultType));
        return Optional.ofNullable(entry).map(e -> BehaviourView.of(e, isStale(e.getLastTestedAt())));
    }

    /** Every entry, by behaviour key. */
    public List<BehaviourView> all() {
        List<BehaviourView> views = new ArrayList<>();
        try (KeyValueIterator<String, KnownBehaviourUpdated> entries = store().all()) {
            while (entries.hasNext()) {
                KnownBehaviourUpdated entry = entries.next().value;
                views.add(BehaviourView.of(entry, isStale(entry.getLastTestedAt())));
            }
        }
        views.sort(Comparator.comparing(BehaviourView::behaviourKey));
        return views;
    }

    /** Expected failure modes never tested, then stale entries. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        expected.forEach((service, faultTypes) -> faultTypes.stream()
                .filter(faultType -> behaviour(service, faultType).isEmpty())
                .forEach(faultType -> gaps.add(new Gap(service, faultType.name(), false, false, null,
                        service + " has never been tested under " + faultType))));
        gaps.sort(Comparator.comparing(Gap::service).thenComparing(Gap::faultType));
        all().stream().filter(BehaviourView::stale).forEach(view -> gaps.add(new Gap(view.service(), view.faultType(),
                true, true, view.lastTestedAt(), "last tested " + view.lastTestedAt() + ", more than " + staleAfter.toDays()
                + " days ago")));
        return gaps;
    }

    private static Map<String, List<FaultType>> parse(Map<String, List<String>> expected) {
        Map<String, List<FaultType>> parsed = new TreeMap<>();
        expected.forEach((service, names) -> parsed.put(service, names.stream().map(String::trim)
                .filter(name -> !name.isEmpty()).map(name -> {
                    try {
                        return FaultType.valueOf(name);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigurationException("faultline.catalog.expected." + service + ": unknown fault type '"
                                + name + "'");
                    }
                }).toList()));
        return parsed;
    }

    private boolean isStale(Instant lastTestedAt) {
        return lastTestedAt.plus(staleAfter).isBefore(clock.instant());
    }

    private ReadOnlyKeyValueStore<String, KnownBehaviourUpdated> store() {
        return stores.<KnownBehaviourUpdated>keyValueStore(KnownBehaviourTopology.STORE)
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the catalog is not queryable yet (starting or rebalancing); retry shortly"));
    }
}
