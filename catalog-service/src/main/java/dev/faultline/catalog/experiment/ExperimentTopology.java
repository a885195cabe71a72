package dev.faultline.catalog.experiment;

import dev.faultline.catalog.streams.CatalogSerdes;
import dev.faultline.catalog.streams.TracedHandling;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The experiment half of the topology: every experiment topic (verdicts arrive through the shared verdict stream)
 * grouped by experiment id, the record key on all of them (co-partitioned, so no repartitioning), and folded into
 * an {@link ExperimentView} in the {@value #STORE} store. Each event is folded inside its handling span
 * ({@link TracedHandling}).
 */
public final class ExperimentTopology {

    /** The state store of experiment views by experiment id. */
    public static final String STORE = "experiments";

    private ExperimentTopology() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, VerdictIssued> verdicts, CatalogSerdes serdes,
                             EventTracing tracing) {
        List<String> topics = List.of(Topics.PROPOSALS.name(), Topics.HYPOTHESES.name(), Topics.SAFETY.name(),
                Topics.INJECTIONS.name(), Topics.EVIDENCE.name());
        KStream<String, SpecificRecord> events = builder.stream(topics,
                Consumed.with(Serdes.String(), serdes.anyEvent()).withName("experiment-events"))
                .processValues(() -> new TracedHandling(tracing), Named.as("experiment-event-handled"));
        events.merge(verdicts.mapValues(verdict -> (SpecificRecord) verdict, Named.as("verdict-as-event")),
                        Named.as("with-verdicts"))
                .filter((experimentId, event) -> experimentId != null && !experimentId.isBlank() && event != null,
                        Named.as("keyed-events"))
                .groupByKey(Grouped.with("by-experiment", Serdes.String(), serdes.anyEvent()))
                .aggregate(() -> ExperimentView.NONE, (experimentId, event, view) -> view.apply(experimentId, event),
                        Named.as("experiment-view"),
                        Materialized.<String, ExperimentView, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.experimentViews()));
    }
}
