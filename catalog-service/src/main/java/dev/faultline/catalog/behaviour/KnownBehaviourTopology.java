package dev.faultline.catalog.behaviour;

import dev.faultline.catalog.streams.CatalogSerdes;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The known-behaviour half of the topology: verdicts re-keyed by {@code service|faultType}, folded into the
 * {@value #STORE} store, each changed entry reported to {@link CatalogUpdates} and written to {@code faultline.catalog}
 * (compacted, key = behaviour key), each verdict handled in a span of {@link EventTracing}; entries judged stale by
 * {@link Staleness} when written and every {@code checkEvery} (needs the {@code DeclaredStores}).
 */
public final class KnownBehaviourTopology {

    /** The state store of known-behaviour entries by behaviour key. */
    public static final String STORE = "known-behaviour";

    private KnownBehaviourTopology() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, VerdictIssued> verdicts, CatalogSerdes serdes,
                             Clock clock, CatalogUpdates updates, EventTracing tracing, Staleness staleness,
                             Duration checkEvery) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                serdes.knownBehaviour()));
        verdicts.selectKey((experimentId, verdict) -> KnownBehaviourRules.behaviourKey(verdict.getService(),
                        verdict.getFaultType()), Named.as("by-behaviour-key"))
                .repartition(Repartitioned.with(Serdes.String(), serdes.verdicts()).withName("verdicts-by-behaviour"))
                .process(() -> new KnownBehaviourProcessor(clock, tracing, staleness, checkEvery), Named.as("known-behaviour-update"), STORE)
                .peek((key, entry) -> updates.updated(entry), Named.as("report-update"))
                .to(Topics.CATALOG.name(), Produced.with(Serdes.String(), serdes.knownBehaviour())
                        .withName("catalog-out"));
    }
}
