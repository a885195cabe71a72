package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serde works in a JVM started without -Dorg.apache.avro.SERIALIZABLE_PACKAGES. */
class AvroTrustTest {

    private final ClassSecurityValidator.ClassSecurityPredicate original = ClassSecurityValidator.getGlobal();

    @AfterEach
    void restore() {
        ClassSecurityValidator.setGlobal(original);
    }

    @Test
    void shouldTrustTheGeneratedPackageWhenTheJvmDoesNot() {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES); // as without the property
        assertThatThrownBy(() -> new SpecificData().getClass(HypothesisDrafted.getClassSchema()))
                .isInstanceOf(SecurityException.class);

        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        FaultlineAvroSerializer<SpecificRecord> serializer = new FaultlineAvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        FaultlineAvroDeserializer<SpecificRecord> deserializer = new FaultlineAvroDeserializer<>(registry, null);
        deserializer.configure(Map.of(), false);
        HypothesisDrafted drafted = new SampleEvents("exp-trust").drafted();

        assertThat(deserializer.deserialize("t", serializer.serialize("t", drafted))).isEqualTo(drafted);
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(String.class)).as("still trusts what it trusted").isTrue();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.io.File.class)).isFalse();
    }
}
