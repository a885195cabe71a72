package dev.faultline.injector.fault;

import static dev.faultline.injector.Fixtures.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.TargetObservability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a MALFORMED_RECORD fault writes (the declared topic, on the declared cluster or Faultline's own) and what is refused. */
class MalformedRecordKindTest {

    private final FaultKinds kinds = new FaultKinds(List.of(new MalformedRecordKind(Fixtures.OWN_KAFKA)));

    @Test
    void shouldWriteOntoTheDependencysTopicOnFaultlinesOwnKafkaWhenItNamesNoCluster() {
        Fault fault = kinds.plan(spec("orders", Map.of()), context(route(kafka("orders", "demo.orders", null))));

        assertThat(fault.where()).isEqualTo("topic 'demo.orders' on Kafka 127.0.0.1:9092");
        assertThat(((MalformedRecordKind.RecordFault) fault).writer().toString()).contains("5.0/s");
    }

    @Test
    void shouldWriteOntoTheClusterTheDependencyNames() {
        Fault fault = kinds.plan(spec("orders", Map.of("ratePerSecond", "2.5", "kinds", "garbage")),
                context(route(kafka("orders", "shop.orders", "kafka-1:9092"))));

        assertThat(fault.where()).isEqualTo("topic 'shop.orders' on Kafka kafka-1:9092");
        assertThat(((MalformedRecordKind.RecordFault) fault).writer().toString()).contains("2.5/s", "GARBAGE");
    }

    @Test
    void shouldWriteOntoATopicTargetedDirectly() {
        FaultSpec spec = spec(null, Map.of("kinds", "garbage"));
        spec.getTarget().setKind(TargetKind.TOPIC);
        spec.getTarget().setTopic("audit.events");

        assertThat(kinds.plan(spec, context(route())).where()).isEqualTo("topic 'audit.events' on Kafka 127.0.0.1:9092");
    }

    @Test
    void shouldNeverWriteOntoFaultlinesOwnTopics() {
        FaultSpec direct = spec(null, Map.of());
        direct.getTarget().setKind(TargetKind.TOPIC);
        direct.getTarget().setTopic("faultline.evidence");

        assertThatThrownBy(() -> kinds.plan(direct, context(route())))
                .isInstanceOf(UnsupportedFaultException.class)
                .hasMessageContaining("never writes onto Faultline's own topic faultline.evidence");
        assertThatThrownBy(() -> kinds.plan(spec("audit", Map.of()),
                context(route(kafka("audit", "faultline.injections", null)))))
                .hasMessageContaining("Faultline's own topic faultline.injections");
    }

    @Test
    void shouldSendTheInjectorsCredentialsOnlyToFaultlinesOwnCluster() {
        KafkaCluster own = new KafkaCluster("127.0.0.1:9092", Map.of("sasl.jaas.config", "secret"));

        assertThat(own.at("127.0.0.1:9092").security()).containsEntry("sasl.jaas.config", "secret");
        assertThat(own.at("kafka-1:9092").security()).as("another cluster gets no Faultline password").isEmpty();
    }

    @Test
    void shouldRefuseADependencyThatIsNotAKafkaTopicAndBadParameters() {
        TargetDependency http = TargetDependency.newBuilder().setName("pricing").setProtocol(DependencyProtocol.HTTP)
                .setProxy("pricing").setHttpProxy(null).setTopic(null).setBootstrapServers(null).build();

        assertThatThrownBy(() -> kinds.plan(spec("pricing", Map.of()), context(route(http))))
                .isInstanceOf(UnsupportedFaultException.class)
                .hasMessage("MALFORMED_RECORD writes onto a Kafka topic, and dependency 'pricing' of fulfilment is declared"
                        + " HTTP without a topic (declare it {protocol: kafka, topic: ...})");
        assertThatThrownBy(() -> kinds.plan(spec("orders", Map.of()), context(route())))
                .isInstanceOf(UnsupportedFaultException.class)
                .hasMessageContaining("fulfilment declares no dependency 'orders'");
        Route orders = route(kafka("orders", "demo.orders", null));
        assertThatThrownBy(() -> kinds.plan(spec("orders", Map.of("ratePerSecond", "0")), context(orders)))
                .hasMessage("parameter ratePerSecond: records a second, above 0 and at most 1000, was '0'");
        assertThatThrownBy(() -> kinds.plan(spec("orders", Map.of("ratePerSecond", "fast")), context(orders)))
                .hasMessageContaining("was 'fast'");
        assertThatThrownBy(() -> kinds.plan(spec("orders", Map.of("kinds", "wrong-type")), context(orders)))
                .hasMessageContaining("wrong-type needs a sample record");
    }

    private static FaultSpec spec(String dependency, Map<String, String> parameters) {
        FaultSpec spec = fault(FaultType.MALFORMED_RECORD, FaultDirection.UPSTREAM, 10_000, parameters);
        spec.getTarget().setService("fulfilment");
        spec.getTarget().setDependency(dependency);
        return spec;
    }

    private static TargetDependency kafka(String name, String topic, String cluster) {
        return TargetDependency.newBuilder().setName(name).setProtocol(DependencyProtocol.KAFKA).setProxy(null)
                .setHttpProxy(null).setTopic(topic).setBootstrapServers(cluster).build();
    }

    private static Route route(TargetDependency... dependencies) {
        TargetDeclared declared = TargetDeclared.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("")
                        .setOccurredAt(Instant.EPOCH).setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("alice").build())
                        .setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setEnvironment(Environment.STAGING).setService("fulfilment").setRemoved(false).setServiceType("kafka-orders-consumer")
                .setOwners(List.of()).setOnCall(null).setBaseUrl("http://127.0.0.1:18082").setEndpoints(List.of())
                .setDependencies(List.of(dependencies)).setHosts(List.of())
                .setObservability(TargetObservability.newBuilder().setMetricsUrl(null).setPrometheusUrl(null)
                        .setLogFile(null).setPropagatesTraceContext(false).build())
                .setSource("fulfilment.yaml").build();
        return new Route("fulfilment", declared, d -> Optional.empty(), d -> Optional.empty());
    }

    private static FaultContext context(Route route) {
        return new FaultContext(route, "fl-1", new Lease("injector:1234", Duration.ofSeconds(3)), Fixtures.claims("exp-1"));
    }
}
