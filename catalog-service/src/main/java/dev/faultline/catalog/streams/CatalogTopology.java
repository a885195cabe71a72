package dev.faultline.catalog.streams;

import dev.faultline.catalog.behaviour.CatalogUpdates;
import dev.faultline.catalog.behaviour.KnownBehaviourTopology;
import dev.faultline.catalog.behaviour.Staleness;
import dev.faultline.catalog.experiment.ExperimentTopology;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The catalog-service topology as a function of a builder, so that the same code runs in the service and under
 * {@code TopologyTestDriver}: one verdict stream feeds both the known-behaviour catalog and the experiment views
 * (a topic may have only one source in a topology), with the calendar, targets and failure modes as global stores
 * ({@link DeclaredStores}) for staleness and gaps. Each verdict the catalog folds, and each event an experiment view
 * folds, is handled in a span of {@link EventTracing} ({@link EventTracing#disabled()} under test).
 */
public final class CatalogTopology {

    private final CatalogSerdes serdes;
    private final Clock clock;
    private final CatalogUpdates updates;
    private final EventTracing tracing;
    private final Staleness staleness;
    private final Duration staleCheckEvery;

    public CatalogTopology(CatalogSerdes serdes, Clock clock, CatalogUpdates updates, EventTracing tracing,
                           Staleness staleness, Duration staleCheckEvery) {
        this.serdes = serdes;
        this.clock = clock;
        this.updates = updates;
        this.tracing = tracing;
        this.staleness = staleness;
        this.staleCheckEvery = staleCheckEvery;
    }

    /** Adds the topology to {@code builder}; returns its source, the verdict stream. */
    public KStream<String, VerdictIssued> build(StreamsBuilder builder) {
        KStream<String, VerdictIssued> verdicts = builder
                .stream(Topics.VERDICTS.name(), Consumed.with(Serdes.String(), serdes.verdicts()).withName("verdicts"))
                .filter((experimentId, verdict) -> verdict != null, Named.as("verdicts-present"));
        DeclaredStores.addTo(builder, serdes);
        KnownBehaviourTopology.addTo(builder, verdicts, serdes, clock, updates, tracing, staleness, staleCheckEvery);
        ExperimentTopology.addTo(builder, verdicts, serdes, tracing);
        return verdicts;
    }
}
