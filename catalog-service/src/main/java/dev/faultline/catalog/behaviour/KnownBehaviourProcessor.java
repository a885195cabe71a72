package dev.faultline.catalog.behaviour;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds verdicts (keyed by behaviour key) into the {@value KnownBehaviourTopology#STORE} store and forwards each
 * changed entry. An aggregation that forwards only on change: a redelivered verdict updates and emits nothing.
 */
final class KnownBehaviourProcessor implements Processor<String, VerdictIssued, String, KnownBehaviourUpdated> {

    static final String ACTOR = "catalog-service";
    private static final Logger LOG = LoggerFactory.getLogger(KnownBehaviourProcessor.class);

    private final Clock clock;
    private ProcessorContext<String, KnownBehaviourUpdated> context;
    private KeyValueStore<String, KnownBehaviourUpdated> store;

    KnownBehaviourProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, KnownBehaviourUpdated> context) {
        this.context = context;
        this.store = context.getStateStore(KnownBehaviourTopology.STORE);
    }

    @Override
    public void process(Record<String, VerdictIssued> record) {
        VerdictIssued verdict = record.value();
        KnownBehaviourUpdated previous = store.get(record.key());
        Optional<KnownBehaviourUpdated> updated = KnownBehaviourRules.apply(previous, verdict,
                EventHeaders.answering(verdict.getHeader(), Actors.service(ACTOR), clock));
        if (updated.isEmpty()) {
            LOG.info("verdict of {} already counted in {}; ignored", verdict.getHeader().getExperimentId(), record.key());
            return;
        }
        KnownBehaviourUpdated entry = updated.get();
        store.put(record.key(), entry);
        LOG.info("{} {} by {} ({} experiments)", record.key(), entry.getChange(),
                verdict.getHeader().getExperimentId(), entry.getExperimentIds().size());
        context.forward(record.withValue(entry));
    }
}
