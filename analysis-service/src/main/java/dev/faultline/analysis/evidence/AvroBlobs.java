package dev.faultline.analysis.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Events kept whole in Cassandra blobs, in Avro's single-object encoding (what the generated fromByteBuffer reads). */
public final class AvroBlobs {

    private AvroBlobs() {
    }

    /** One encoder per event class: making one fingerprints the schema, which costs more than encoding an event. */
    private static final ClassValue<BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ClassValue<>() {
        @Override
        protected BinaryMessageEncoder<SpecificRecord> computeValue(Class<?> type) {
            return new BinaryMessageEncoder<>(SpecificData.getForClass(type), SpecificData.get().getSchema(type));
        }
    };

    public static <T extends SpecificRecord> ByteBuffer encode(T event) {
        try {
            return ENCODERS.get(event.getClass()).encode(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a stored blob with a generated class's {@code fromByteBuffer}. */
    public static <T> T decode(Decoding<T> decoding) {
        try {
            return decoding.decode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored event", e);
        }
    }

    /** A decoding step that may fail with an IOException. */
    @FunctionalInterface
    public interface Decoding<T> {
        T decode() throws IOException;
    }
}
