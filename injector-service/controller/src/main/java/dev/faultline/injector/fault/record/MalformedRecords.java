package dev.faultline.injector.fault.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.injector.fault.UnsupportedFaultException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the bad records of one injection, the kinds taking turns in the order given (by default all six, or the four
 * that need no {@code sample} when none is given). Each record has an id of its
 * own ({@code <prefix>-<n>}), its key — and, in records made from the sample, the {@code keyField} — so that it can be
 * found again. Pure: no Kafka here.
 * <ul>
 *   <li>{@code garbage}: 16–128 random bytes starting with 0xFF (never JSON, never UTF-8 text);</li>
 *   <li>{@code other-schema}: a JSON object none of whose fields is one of the sample's;</li>
 *   <li>{@code missing-field}: the sample without one of its fields, each field in turn;</li>
 *   <li>{@code wrong-type}: the sample with one numeric field sent as a string ({@code "quantity": "1"}), each in
 *       turn (a sample without numbers: a text field, not the key field, sent as a number);</li>
 *   <li>{@code oversized}: the sample padded to {@code oversizedBytes} with an extra text field;</li>
 *   <li>{@code null-key}: the sample, with no key.</li>
 * </ul>
 */
public final class MalformedRecords {

    /** Larger records than this would be refused by a broker with its default {@code message.max.bytes} (1 MB). */
    public static final int MAX_OVERSIZED_BYTES = 900_000;
    static final int DEFAULT_OVERSIZED_BYTES = 128 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RecordKind> kinds;
    private final ObjectNode sample;
    private final String keyField;
    private final int oversizedBytes;
    private final String idPrefix;
    private final SplittableRandom random;
    private final List<String> fields;
    private final List<String> wrongTypeFields;
    private long sequence;
    private long missing;
    private long wrongTyped;

    MalformedRecords(List<RecordKind> kinds, ObjectNode sample, String keyField, int oversizedBytes, String idPrefix,
                     long seed) {
        this.kinds = List.copyOf(kinds);
        this.sample = sample;
        this.keyField = keyField;
        this.oversizedBytes = oversizedBytes;
        this.idPrefix = idPrefix;
        this.random = new SplittableRandom(seed);
        this.fields = sample == null ? List.of() : names(sample);
        this.wrongTypeFields = sample == null ? List.of() : wrongTypeFields(sample, keyField);
    }

    /**
     * The records {@code parameters} ask for ({@code kinds}, {@code sample}, {@code keyField}, {@code oversizedBytes}),
     * each id starting with {@code idPrefix}.
     *
     * @throws UnsupportedFaultException naming the parameter that is missing or wrong
     */
    public static MalformedRecords of(Map<String, String> parameters, String idPrefix) {
        ObjectNode sample = sample(parameters.get("sample"));
        // by default every kind, or without a sample every kind that needs none
        List<RecordKind> kinds = RecordKind.parse(parameters.getOrDefault("kinds", String.join(",", Arrays
                .stream(RecordKind.values()).filter(kind -> sample != null || !kind.needsSample()).map(RecordKind::label).toList())));
        String keyField = parameters.get("keyField");
        if (keyField != null && (sample == null || !sample.has(keyField))) {
            throw new UnsupportedFaultException("parameter keyField: '" + keyField + "' is not a field of the sample record"
                    + (sample == null ? " (no parameter sample given)" : " " + names(sample)));
        }
        for (RecordKind kind : kinds) {
            if (kind.needsSample() && sample == null) {
                throw new UnsupportedFaultException("parameter kinds: " + kind.label() + " needs a sample record (parameter"
                        + " sample: a JSON object shaped like the topic's records)");
            }
        }
        if (kinds.contains(RecordKind.WRONG_TYPE) && wrongTypeFields(sample, keyField).isEmpty()) {
            throw new UnsupportedFaultException("parameter kinds: wrong-type needs a sample with a number or a text field"
                    + " other than the key field");
        }
        int oversized = oversizedBytes(parameters.get("oversizedBytes"));
        return new MalformedRecords(kinds, sample, keyField, oversized, idPrefix, idPrefix.hashCode());
    }

    public List<RecordKind> kinds() {
        return kinds;
    }

    /** The next record; kinds take turns. */
    public synchronized MalformedRecord next() {
        long n = sequence++;
        RecordKind kind = kinds.get((int) (n % kinds.size()));
        String id = idPrefix + "-" + n;
        return switch (kind) {
            case GARBAGE -> new MalformedRecord(kind, id, garbage());
            case OTHER_SCHEMA -> new MalformedRecord(kind, id, bytes(otherSchema(id)));
            case MISSING_FIELD -> {
                ObjectNode value = fromSample(id);
                value.remove(fields.get((int) (missing++ % fields.size())));
                yield new MalformedRecord(kind, id, bytes(value));
            }
            case WRONG_TYPE -> new MalformedRecord(kind, id, bytes(wrongType(id)));
            case OVERSIZED -> new MalformedRecord(kind, id, oversized(id));
            case NULL_KEY -> new MalformedRecord(kind, null, bytes(fromSample(id)));
        };
    }

    private byte[] garbage() {
        byte[] bytes = new byte[16 + random.nextInt(113)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        return bytes;
    }

    private ObjectNode otherSchema(String id) {
        ObjectNode value = JSON.createObjectNode();
        value.put("faultlineRecordId", id);
        value.put("schemaName", "faultline.another-schema");
        value.putArray("items").add(1).add("two").addNull();
        if (sample != null) {
            fields.forEach(value::remove); // none of the sample's fields, whatever they are called
        }
        return value;
    }

    private ObjectNode wrongType(String id) {
        ObjectNode value = fromSample(id);
        String field = wrongTypeFields.get((int) (wrongTyped++ % wrongTypeFields.size()));
        JsonNode original = value.get(field);
        if (original.isNumber()) {
            value.put(field, original.asText());
        } else {
            value.put(field, 42);
        }
        return value;
    }

    private byte[] oversized(String id) {
        ObjectNode value = sample == null ? JSON.createObjectNode().put("faultlineRecordId", id) : fromSample(id);
        int size = bytes(value).length;
        value.put("faultlinePadding", "x".repeat(Math.max(0, oversizedBytes - size - 24)));
        return bytes(value);
    }

    private ObjectNode fromSample(String id) {
        if (sample == null) {
            return JSON.createObjectNode().put("faultlineRecordId", id);
        }
        ObjectNode value = sample.deepCopy();
        if (keyField != null) {
            value.put(keyField, id);
        }
        return value;
    }

    private static ObjectNode sample(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object && object.size() > 0) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new UnsupportedFaultException("parameter sample: not JSON (" + e.getOriginalMessage() + ")");
        }
        throw new UnsupportedFaultException("parameter sample: a JSON object with at least one field, was '" + text + "'");
    }

    private static int oversizedBytes(String text) {
        if (text == null) {
            return DEFAULT_OVERSIZED_BYTES;
        }
        try {
            int bytes = Integer.parseInt(text.strip());
            if (bytes >= 1024 && bytes <= MAX_OVERSIZED_BYTES) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UnsupportedFaultException("parameter oversizedBytes: a whole number of bytes from 1024 to "
                + MAX_OVERSIZED_BYTES + " (a broker's default limit is 1 MB), was '" + text + "'");
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> wrongTypeFields(ObjectNode sample, String keyField) {
        List<String> numbers = names(sample).stream().filter(name -> sample.get(name).isNumber()).toList();
        if (!numbers.isEmpty()) {
            return numbers;
        }
        return names(sample).stream().filter(name -> sample.get(name).isTextual() && !name.equals(keyField)).toList();
    }

    private static byte[] bytes(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e); // a tree always writes
        }
    }
}
