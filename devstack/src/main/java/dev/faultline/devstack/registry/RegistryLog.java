package dev.faultline.devstack.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The registry's records in its compacted topic, as JSON keys and values: a schema version
 * (tombstone = permanent deletion), a compatibility config (tombstone = config removed) and
 * the id watermark that keeps ids monotonic even after compaction drops deleted schemas.
 */
final class RegistryLog {

    static final String TOPIC = "_faultline_schemas";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Key(String keytype, String subject, Integer version) {
    }

    record ConfigValue(String compatibilityLevel) {
    }

    record IdWatermark(int maxId) {
    }

    private final KafkaLogStore store;

    private RegistryLog(KafkaLogStore store) {
        this.store = store;
    }

    /** Opens the topic and replays it into {@code state}. */
    static RegistryLog open(Map<String, Object> kafka, RegistryState state) {
        return new RegistryLog(KafkaLogStore.open(kafka, TOPIC, (k, v) -> apply(state, k, v)));
    }

    void putSchema(RegisteredSchema schema) {
        store.write(json(new Key("SCHEMA", schema.subject(), schema.version())), json(schema));
    }

    void deleteSchemaPermanently(String subject, int version) {
        store.write(json(new Key("SCHEMA", subject, version)), null);
    }

    /** Sets (level non-null) or removes a config; subject null is the global config. */
    void putConfig(String subject, CompatibilityLevel level) {
        store.write(json(new Key("CONFIG", subject, null)), level == null ? null : json(new ConfigValue(level.name())));
    }

    void putIdWatermark(int maxId) {
        store.write(json(new Key("ID", null, null)), json(new IdWatermark(maxId)));
    }

    static void apply(RegistryState state, String keyJson, String valueJson) {
        Key key = read(keyJson, Key.class);
        switch (key.keytype()) {
            case "SCHEMA" -> {
                if (valueJson == null) {
                    state.removeSchema(key.subject(), key.version());
                } else {
                    state.putSchema(read(valueJson, RegisteredSchema.class));
                }
            }
            case "CONFIG" -> state.putLevel(key.subject(), valueJson == null ? null
                    : CompatibilityLevel.valueOf(read(valueJson, ConfigValue.class).compatibilityLevel()));
            case "ID" -> {
                if (valueJson != null) {
                    state.raiseMaxId(read(valueJson, IdWatermark.class).maxId());
                }
            }
            default -> throw new IllegalArgumentException("unknown record type " + key.keytype());
        }
    }

    void close() {
        store.close();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable record " + json + ": " + e.getOriginalMessage(), e);
        }
    }
}
