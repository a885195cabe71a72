package dev.faultline.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessIT {

    @Test
    void shouldServeProducersAndConsumersFromItsOwnProcess(@TempDir Path dir) throws Exception {
        try (KafkaProcess kafka = KafkaProcess.start(dir)) {
            assertThat(kafka.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).contains(kafka.pid());

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    kafka.clientProperties(KafkaPrincipal.ADMIN),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("process-smoke", "exp-1", "first")).get();
                producer.send(new ProducerRecord<>("process-smoke", "exp-1", "second")).get();
            }
            List<String> seen = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(kafka.clientProperties(KafkaPrincipal.ADMIN),
                    ConsumerConfig.GROUP_ID_CONFIG, "process-smoke-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("process-smoke"));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> seen.add(r.value()));
                    return seen.size() >= 2;
                });
            }
            assertThat(seen).containsExactly("first", "second");
        }
    }

    @Test
    void shouldStopItsProcessOnClose(@TempDir Path dir) {
        KafkaProcess kafka = KafkaProcess.start(dir);
        ProcessHandle child = ProcessHandle.of(kafka.pid()).orElseThrow();

        kafka.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(kafka.isRunning()).isFalse();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> props = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            props.put((String) more[i], more[i + 1]);
        }
        return props;
    }
}
