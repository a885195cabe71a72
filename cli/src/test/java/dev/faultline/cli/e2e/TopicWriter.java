package dev.faultline.cli.e2e;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes proposals the way an outside tool would: straight onto {@code faultline.proposals}, as its principal. */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, ExperimentProposed> avro;
    private final KafkaProducer<String, byte[]> raw;

    TopicWriter(KafkaEndpoint tool) {
        FaultlineAvroSerializer<ExperimentProposed> serializer = new FaultlineAvroSerializer<>();
        serializer.configure(tool.clientProperties(), false);
        Map<String, Object> config = tool.clientProperties();
        this.avro = new KafkaProducer<>(config, new StringSerializer(), serializer);
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void propose(String experimentId, String service, String dependency, String motivation) throws Exception {
        ExperimentProposed proposal = ExperimentProposed.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(experimentId)
                        .setOccurredAt(Instant.now())
                        .setActor(Actor.newBuilder().setKind(ActorKind.TOOL).setId("e2e-tool").setDisplayName(null).build())
                        .setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setService(service).setFaultType(FaultType.NETWORK_BLACKHOLE).setDependency(dependency)
                .setEnvironment(Environment.STAGING).setReason(ProposalReason.ROUTINE).setMotivation(motivation)
                .setIncidentId(null).setRequestedDurationMillis(10_000L).setLabels(Map.of()).build();
        avro.send(new ProducerRecord<>(Topics.PROPOSALS.name(), experimentId, proposal)).get();
    }

    void proposeGarbage(String key) throws Exception {
        raw.send(new ProducerRecord<>(Topics.PROPOSALS.name(), key, "not an avro record".getBytes(StandardCharsets.UTF_8)))
                .get();
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }
}
