package dev.faultline.catalog.streams;

import dev.faultline.catalog.experiment.ExperimentView;
import dev.faultline.catalog.experiment.ExperimentViewSerde;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import io.micronaut.json.JsonMapper;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the catalog topology: Faultline's Avro wire format for topics, the known-behaviour store and the
 * declared stores (all
 * sharing one registry client and its caches), JSON for the internal experiment views.
 */
public final class CatalogSerdes {

    private final SchemaRegistryClient registry;
    private final Map<String, ?> config;
    private final JsonMapper json;

    /** Serdes talking to the registry at {@code schema.registry.url} in {@code config}. */
    public static CatalogSerdes of(Map<String, ?> config, JsonMapper json) {
        return new CatalogSerdes(FaultlineSerdeConfig.from(config).newRegistryClient(), config, json);
    }

    public CatalogSerdes(SchemaRegistryClient registry, Map<String, ?> config, JsonMapper json) {
        this.registry = registry;
        this.config = Map.copyOf(config);
        this.json = json;
    }

    public Serde<VerdictIssued> verdicts() {
        return FaultlineSerdes.specific(VerdictIssued.class, registry, config);
    }

    public Serde<KnownBehaviourUpdated> knownBehaviour() {
        return FaultlineSerdes.specific(KnownBehaviourUpdated.class, registry, config);
    }

    public Serde<CalendarEntryPublished> calendar() {
        return FaultlineSerdes.specific(CalendarEntryPublished.class, registry, config);
    }

    public Serde<TargetDeclared> targets() {
        return FaultlineSerdes.specific(TargetDeclared.class, registry, config);
    }

    public Serde<FailureModeDeclared> failureModes() {
        return FaultlineSerdes.specific(FailureModeDeclared.class, registry, config);
    }

    /** For topics that carry several event types. */
    public Serde<SpecificRecord> anyEvent() {
        return FaultlineSerdes.anyEvent(registry, config);
    }

    public Serde<ExperimentView> experimentViews() {
        return new ExperimentViewSerde(json);
    }
}
