package dev.faultline.analysis.verdict;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads faultline.verdicts to its end before the service judges anything, so that a store rebuilt from offset zero
 * knows which verdicts were already issued and never issues one twice. No consumer group: it reads all, every start.
 */
@Singleton
public class VerdictCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictCatchUp.class);

    private final KafkaSettings settings;
    private final VerdictRecords verdicts;

    public VerdictCatchUp(KafkaSettings settings, VerdictRecords verdicts) {
        this.settings = settings;
        this.verdicts = verdicts;
    }

    public int run() {
        FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        values.configure(props, false);
        int[] seen = {0};
        TopicReplay.readToEnd(settings, List.of(Topics.Names.VERDICTS), record -> seen[0] += remember(record, values));
        LOG.info("{} verdicts already issued on {}", seen[0], Topics.Names.VERDICTS);
        return seen[0];
    }

    private int remember(ConsumerRecord<String, byte[]> record, FaultlineAvroDeserializer<SpecificRecord> values) {
        try {
            if (record.value() != null && values.deserialize(record.topic(), record.value()) instanceof VerdictIssued v
                    && v.getInjectionId() != null) {
                verdicts.saveKnown(v);
                return 1;
            }
        } catch (RuntimeException e) {
            LOG.warn("skipping unreadable record {}-{}@{} on the verdicts topic", record.topic(), record.partition(),
                    record.offset(), e);
        }
        return 0;
    }
}
