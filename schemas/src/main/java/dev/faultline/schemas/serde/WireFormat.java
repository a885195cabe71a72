package dev.faultline.schemas.serde;

import java.util.HexFormat;

/** The Confluent wire format: magic byte 0, the schema id as a big-endian 4-byte int, then the Avro binary body. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header for {@code schemaId} at the start of {@code target}. */
    public static void writeHeader(int schemaId, byte[] target) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** The schema id in the header of {@code data}, after checking the magic byte and the length. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length > 0 && data[0] != MAGIC_BYTE) {
            throw new InvalidMagicByteException(String.format(
                    "topic %s: magic byte 0x%02x seen, 0x00 expected; the value (%d bytes, starting %s) is not in the "
                            + "Confluent Avro wire format", topic, data[0], data.length, preview(data)));
        }
        if (data.length < HEADER_SIZE) {
            throw new TruncatedPayloadException(String.format(
                    "topic %s: %d bytes found, at least %d expected (magic byte and 4-byte schema id) before the Avro body",
                    topic, data.length, HEADER_SIZE));
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }

    static String preview(byte[] data) {
        int shown = Math.min(data.length, 8);
        return "0x" + HexFormat.of().formatHex(data, 0, shown) + (shown < data.length ? "…" : "");
    }
}
