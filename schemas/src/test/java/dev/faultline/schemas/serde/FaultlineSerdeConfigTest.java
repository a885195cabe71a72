package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.VerdictIssued;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FaultlineSerdeConfigTest {

    @Test
    void shouldDefaultToFaultlinesChoices() {
        FaultlineSerdeConfig config = FaultlineSerdeConfig.from(Map.of("schema.registry.url", "http://a:8081, http://b:8081"));

        assertThat(config.registryUrls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
        assertThat(config.subjectStrategy(false)).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(config.subjectStrategy(true)).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.latestCacheTtl()).isNull();
        assertThat(config.registryTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldNameSubjectsLikeConfluentsStrategies() {
        var schema = VerdictIssued.getClassSchema();
        assertThat(new TopicNameStrategy().subjectName("faultline.verdicts", false, schema)).isEqualTo("faultline.verdicts-value");
        assertThat(new TopicNameStrategy().subjectName("faultline.verdicts", true, schema)).isEqualTo("faultline.verdicts-key");
        assertThat(new RecordNameStrategy().subjectName("faultline.verdicts", false, schema))
                .isEqualTo("dev.faultline.schemas.avro.VerdictIssued");
        assertThat(new TopicRecordNameStrategy().subjectName("faultline.verdicts", false, schema))
                .isEqualTo("faultline.verdicts-dev.faultline.schemas.avro.VerdictIssued");
    }

    @Test
    void shouldAcceptStrategiesAsConfluentNamesOursOrClasses() {
        assertThat(FaultlineSerdeConfig.from(Map.of("value.subject.name.strategy",
                "io.confluent.kafka.serializers.subject.RecordNameStrategy")).subjectStrategy(false))
                .isInstanceOf(RecordNameStrategy.class);
        assertThat(FaultlineSerdeConfig.from(Map.of("key.subject.name.strategy", TopicRecordNameStrategy.class.getName()))
                .subjectStrategy(true)).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(FaultlineSerdeConfig.from(Map.of("value.subject.name.strategy", TopicNameStrategy.class))
                .subjectStrategy(false)).isInstanceOf(TopicNameStrategy.class);
    }

    @Test
    void shouldRejectBadValuesByKey() {
        assertThatThrownBy(() -> FaultlineSerdeConfig.from(Map.of("auto.register.schemas", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> FaultlineSerdeConfig.from(Map.of("value.subject.name.strategy", "com.example.Nope")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no such subject name strategy");
        assertThatThrownBy(() -> FaultlineSerdeConfig.from(Map.of("schema.registry.url", "localhost:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected http:// or https://");
        assertThatThrownBy(() -> FaultlineSerdeConfig.from(Map.of()).newRegistryClient())
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url is required");
    }
}
