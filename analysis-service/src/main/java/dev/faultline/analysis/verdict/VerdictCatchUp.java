package dev.faultline.analysis.verdict;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
        values.configure(props, false);
        int seen = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.Names.VERDICTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen += remember(record, values);
                }
            }
        }
        LOG.info("{} verdicts already issued on {}", seen, Topics.Names.VERDICTS);
        return seen;
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
