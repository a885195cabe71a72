package dev.faultline.injector.fault.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.fault.FaultException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The record writer against a real broker (the devstack's): records at the rate asked, each with the experiment's
 * and the injection's headers; a stop proven by reading after the last record written — and a record of the
 * injection written after the stop is caught; a topic that does not exist is refused and not created; the rehearsal
 * writes nothing; a record the topic refuses fails the writer with the reason. Each test has topics of its own.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordWriterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaCluster kafka;
    private String bootstrap;
    private Admin admin;

    @BeforeAll
    void start(DevStack stack) {
        bootstrap = stack.kafkaBootstrapServers();
        kafka = new KafkaCluster(bootstrap, stack.kafkaClientProperties());
        admin = Admin.create(stack.kafkaClientProperties());
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    @Test
    void shouldWriteAtTheRateWithItsHeadersAndProveThatNothingIsWrittenAfterTheStop() throws Exception {
        String topic = topic(3, Map.of());
        MalformedRecords records = MalformedRecords.of(Map.of("sample", MalformedRecordsTest.SAMPLE, "keyField", "orderId"), "fl-it");
        RecordWriter writer = new RecordWriter(kafka, topic, "exp-1", "inj-1", records, 20);

        long started = System.nanoTime();
        writer.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> writer.written() >= 30);
        writer.stop();
        double seconds = (System.nanoTime() - started) / 1e9;
        StopVerification verification = writer.verifyStopped();

        assertThat(verification.clean()).as(verification.describe()).isTrue();
        assertThat(verification.from()).containsOnlyKeys(0, 1, 2);
        assertThat(writer.written() / seconds).as("records a second").isBetween(8.0, 30.0);
        List<ConsumerRecord<String, byte[]>> all = readAll(topic);
        assertThat(all).hasSize((int) writer.written()).allSatisfy(record -> {
            assertThat(header(record, RecordWriter.EXPERIMENT_HEADER)).isEqualTo("exp-1");
            assertThat(header(record, RecordWriter.INJECTION_HEADER)).isEqualTo("inj-1");
        });
        assertThat(all).extracting(record -> header(record, RecordWriter.KIND_HEADER)).contains("garbage", "other-schema",
                "missing-field", "wrong-type", "oversized", "null-key");
        assertThat(all).filteredOn(record -> "null-key".equals(header(record, RecordWriter.KIND_HEADER)))
                .allSatisfy(record -> assertThat(record.key()).isNull());
        assertThat(all).filteredOn(record -> "wrong-type".equals(header(record, RecordWriter.KIND_HEADER)))
                .allSatisfy(record -> assertThat(JSON.readTree(record.value()).get("orderId").asText()).isEqualTo(record.key()));

        // a record of the injection that lands after the stop is what the verification is there to catch
        try (KafkaProducer<String, String> late = new KafkaProducer<>(kafka.security(),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "late", "{}");
            record.headers().add(RecordWriter.INJECTION_HEADER, "inj-1".getBytes(StandardCharsets.UTF_8));
            late.send(record).get();
        }
        StopVerification caught = writer.verifyStopped();
        assertThat(caught.clean()).isFalse();
        assertThat(caught.found()).isEqualTo(1);
        assertThat(caught.describe()).contains("1 of this injection");
    }

    @Test
    void shouldRefuseATopicThatDoesNotExistAndNotCreateIt() throws Exception {
        String missing = "it.missing-" + UUID.randomUUID().toString().substring(0, 8);
        RecordWriter writer = new RecordWriter(kafka, missing, "exp-2", "inj-2", MalformedRecords.of(Map.of(), "x"), 5);

        assertThatThrownBy(writer::start).isInstanceOf(FaultException.class)
                .hasMessage("topic '" + missing + "' on Kafka " + bootstrap + " does not exist: nothing is written to a topic"
                        + " Faultline would create");
        assertThatThrownBy(writer::rehearse).isInstanceOf(FaultException.class).hasMessageContaining("does not exist");
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(missing);
    }

    @Test
    void shouldRehearseTheStopWithoutWritingAnything() throws Exception {
        String topic = topic(2, Map.of());
        RecordWriter rehearsal = new RecordWriter(kafka, topic, "exp-3", "rehearsal-3", MalformedRecords.of(Map.of(), "x"), 5);

        assertThat(rehearsal.rehearse()).contains("2 partitions", "closed it without writing", "no record of rehearsal-3");
        assertThat(readAll(topic)).isEmpty();
    }

    @Test
    void shouldFailWithTheReasonWhenTheTopicRefusesTheRecords() throws Exception {
        String topic = topic(1, Map.of("max.message.bytes", "4096"));
        RecordWriter writer = new RecordWriter(kafka, topic, "exp-4", "inj-4",
                MalformedRecords.of(Map.of("kinds", "oversized", "oversizedBytes", "20000"), "x"), 10);

        writer.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> writer.failure().isPresent());
        writer.stop();

        assertThat(writer.failure().get()).startsWith("writing a oversized record failed: ").contains("RecordTooLarge");
        assertThat(writer.written()).isZero();
        assertThat(writer.verifyStopped().clean()).isTrue();
    }

    private String topic(int partitions, Map<String, String> config) throws Exception {
        String name = "it.orders-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all().get(10, TimeUnit.SECONDS);
        return name;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(withKafka(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(p -> reader.position(p) >= ends.get(p));
            });
        }
        return all;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> withKafka(String key, Object value) {
        Map<String, Object> props = new java.util.HashMap<>(kafka.security());
        props.put(key, value);
        return props;
    }
}
