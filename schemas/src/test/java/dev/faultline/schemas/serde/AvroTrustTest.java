package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faultline's generated classes work in a JVM started without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}:
 * {@link AvroTrust} is the only place that trusts their package, and no build, script or launcher sets the flag.
 */
class AvroTrustTest {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private final ClassSecurityValidator.ClassSecurityPredicate original = ClassSecurityValidator.getGlobal();

    @AfterEach
    void restore() {
        ClassSecurityValidator.setGlobal(original);
    }

    @Test
    void shouldRunTheTestsWithoutTheSystemProperty() {
        assertThat(System.getProperty(PROPERTY)).as("set nowhere; AvroTrust is the one place").isNull();
    }

    @Test
    void shouldDecodeAndCopyInAFreshJvmWithoutTheProperty() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FreshJvm.class.getName()).redirectErrorStream(true).start();

        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(probe.getInputStream().readAllBytes())).contains("decoded and copied");
        assertThat(probe.exitValue()).isZero();
    }

    @Test
    void shouldTrustTheGeneratedPackageWhenADeserializerIsConfigured() {
        Schema schema = HypothesisDrafted.getClassSchema(); // initialised already, as in a JVM that used it before
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES); // as without the property
        assertThatThrownBy(() -> new SpecificData().getClass(schema)).isInstanceOf(SecurityException.class);

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

    /**
     * Runs in its own JVM, where no generated class has been touched and no serde configured: Avro's own paths that
     * instantiate generated classes by name (binary decoding, copies, copy-builders) must work at once.
     */
    static final class FreshJvm {

        public static void main(String[] args) throws Exception {
            if (System.getProperty(PROPERTY) != null) {
                throw new IllegalStateException(PROPERTY + " is set");
            }
            List<SpecificRecord> events = new SampleEvents("exp-fresh").all();
            for (SpecificRecord event : events) {
                SpecificData.get().deepCopy(event.getSchema(), event);
            }
            VerdictIssued verdict = new SampleEvents("exp-fresh").verdict();
            VerdictIssued decoded = VerdictIssued.fromByteBuffer(verdict.toByteBuffer());
            VerdictIssued.newBuilder(decoded).build();
            System.out.println("decoded and copied " + events.size() + " events");
        }
    }
}
