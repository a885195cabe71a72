package dev.faultline.devstack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.devstack.DevStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The {@code faultline/devstack} image keeps apache/kafka's contract: Testcontainers' own {@link KafkaContainer}, with
 * nothing configured but the image, starts it (its start script, {@code KAFKA_*} variables and {@code CLUSTER_ID},
 * the readiness line it waits for) and a record goes through. It runs in the containers pass only
 * ({@code -Dfaultline.devstack=containers}, which CI runs once Docker and the image are ready), where a missing Docker
 * or image fails it. In the embedded pass it is skipped even where Docker happens to be up: there it would start a
 * broker container beside a lane of service suites (in CI, beside the compose stack as well), once more than needed,
 * and its 60 s startup wait ran out under that load.
 */
class DevstackImageIT {

    @BeforeAll
    static void containersPassWithDockerAndImage() {
        assumeTrue("containers".equals(System.getProperty(DevStack.BACKEND_PROPERTY)),
                "runs in the containers pass (-D" + DevStack.BACKEND_PROPERTY + "=containers)");
        boolean available = DockerClientFactory.instance().isDockerAvailable() && DockerClientFactory.instance().client()
                .listImagesCmd().withImageNameFilter(ContainerDevStack.DEVSTACK.asCanonicalNameString()).exec().size() > 0;
        assertThat(available).as("Docker and the image " + ContainerDevStack.DEVSTACK
                + " (scripts/prepare-docker.sh, deploy/docker/build-images.sh devstack)").isTrue();
    }

    @Test
    void shouldRunAsApacheKafkaUnderTestcontainersKafkaContainer() throws Exception {
        try (KafkaContainer kafka = new KafkaContainer(ContainerDevStack.DEVSTACK.asCompatibleSubstituteFor("apache/kafka"))) {
            kafka.withStartupTimeout(Duration.ofMinutes(3)).start(); // a broker JVM beside the suite's lanes

            Map<String, Object> client = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("contract", "k", "through the image")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "contract", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("contract"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(200));
                }
                assertThat(records.records("contract")).extracting(r -> r.value()).containsExactly("through the image");
            }
        }
    }
}
