package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import dev.faultline.schemas.topics.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** How a service tests a topology over a shared topic with the serde and the in-memory registry. */
class SerdeInTopologyTestDriverTest {

    @Test
    void shouldPickOneEventTypeOutOfASharedTopic() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Serde<SpecificRecord> anyEvent = FaultlineSerdes.anyEvent(registry, Map.of());
        Serde<PlanApproved> approvals = FaultlineSerdes.specific(PlanApproved.class, registry, Map.of());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.HYPOTHESES.name(), Consumed.with(Serdes.String(), anyEvent))
                .filter((experimentId, event) -> event instanceof PlanApproved)
                .mapValues(event -> (PlanApproved) event)
                .to("approved-plans", Produced.with(Serdes.String(), approvals));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, SpecificRecord> hypotheses = driver.createInputTopic(Topics.HYPOTHESES.name(),
                    Serdes.String().serializer(), anyEvent.serializer());
            TestOutputTopic<String, PlanApproved> approved = driver.createOutputTopic("approved-plans",
                    Serdes.String().deserializer(), approvals.deserializer());
            SampleEvents events = new SampleEvents("exp-ttd");
            HypothesisDrafted drafted = events.drafted();
            PlanApproved plan = events.planApproved();

            hypotheses.pipeInput("exp-ttd", drafted);
            hypotheses.pipeInput("exp-ttd", plan);

            assertThat(approved.readKeyValuesToList()).singleElement()
                    .satisfies(kv -> assertThat(kv.value).isEqualTo(plan));
        }
    }
}
