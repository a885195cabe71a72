package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.KafkaTestClients;
import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.TopicDefinition;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Kafka Streams topology under exactly_once_v2 whose input, repartition, state store changelog and output all go
 * through Faultline's serde and the devstack's registry: verdicts re-keyed by service and aggregated into a
 * known-behaviour entry, as the catalog does.
 */
@ExtendWith(DevStackExtension.class)
class StreamsExactlyOnceRoundTripIT {

    private final DevStack stack;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "schemas-it.verdicts-" + suffix;
    private final String output = "schemas-it.catalog-" + suffix;

    StreamsExactlyOnceRoundTripIT(DevStack stack) throws Exception {
        this.stack = stack;
        try (Admin admin = KafkaTestClients.admin(stack)) {
            admin.createTopics(List.of(TopicDefinition.log(input, 3).toNewTopic((short) 1),
                    TopicDefinition.table(output, 3).toNewTopic((short) 1))).all().get();
        }
    }

    @Test
    void shouldAggregateVerdictsExactlyOnceThroughTheSerde() throws Exception {
        Map<String, Object> serdeConfig = KafkaTestClients.serdeConfig(stack);
        Serde<VerdictIssued> verdicts = FaultlineSerdes.specific(VerdictIssued.class, serdeConfig);
        Serde<KnownBehaviourUpdated> behaviours = FaultlineSerdes.specific(KnownBehaviourUpdated.class, serdeConfig);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), verdicts))
                .map((experimentId, verdict) -> KeyValue.pair(verdict.getService() + "|" + verdict.getFaultType(), verdict))
                .groupByKey(Grouped.with(Serdes.String(), verdicts))
                .aggregate(() -> null, (key, verdict, entry) -> fold(key, verdict, entry),
                        Materialized.with(Serdes.String(), behaviours))
                .toStream().to(output, Produced.with(Serdes.String(), behaviours));

        List<String> experiments = List.of("exp-a-" + suffix, "exp-b-" + suffix, "exp-c-" + suffix);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig())) {
            streams.start();
            try (KafkaProducer<String, VerdictIssued> producer = KafkaTestClients.producer(stack, Map.of())) {
                for (String experiment : experiments) {
                    producer.send(new ProducerRecord<>(input, experiment, new SampleEvents(experiment).verdict())).get();
                }
            }
            List<KnownBehaviourUpdated> updates = new ArrayList<>();
            try (KafkaConsumer<String, KnownBehaviourUpdated> consumer = KafkaTestClients.consumer(stack, Map.of())) {
                KafkaTestClients.assignFromStart(consumer, List.of(output));
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    KafkaTestClients.poll(consumer).forEach(record -> updates.add(record.value()));
                    return !updates.isEmpty() && updates.get(updates.size() - 1).getExperimentIds().size() == 3;
                });
            }
            KnownBehaviourUpdated last = updates.get(updates.size() - 1);
            assertThat(last.getBehaviourKey()).isEqualTo("storefront|NETWORK_LATENCY");
            // each verdict folded in exactly once; their order across input partitions is not defined
            assertThat(last.getExperimentIds()).containsExactlyInAnyOrderElementsOf(experiments);
            assertThat(last.getChange()).isEqualTo(CatalogChange.CONTRADICTED);
            assertThat(updates).allSatisfy(update -> assertThat(update.getExperimentIds()).isNotEmpty());
        }
    }

    private static KnownBehaviourUpdated fold(String key, VerdictIssued verdict, KnownBehaviourUpdated entry) {
        List<String> experiments = new ArrayList<>(entry == null ? List.of() : entry.getExperimentIds());
        experiments.add(verdict.getHeader().getExperimentId());
        return KnownBehaviourUpdated.newBuilder().setHeader(verdict.getHeader()).setBehaviourKey(key)
                .setService(verdict.getService()).setFaultType(verdict.getFaultType())
                .setChange(entry == null ? CatalogChange.ADDED : CatalogChange.CONTRADICTED)
                .setExperimentIds(experiments).setLastTestedAt(verdict.getHeader().getOccurredAt()).build();
    }

    private Properties streamsConfig() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "schemas-it-eos-" + suffix);
        config.putAll(stack.kafkaClientProperties());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("schemas-it-streams").toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, FaultlineAvroSerde.class);
        config.putAll(KafkaTestClients.serdeConfig(stack));
        return config;
    }
}
