package dev.faultline.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Resolves a configured subject-name strategy: one of ours, or the equivalent Confluent class name. */
final class SubjectNames {

    private static final Map<String, Class<? extends SubjectNameStrategy>> CONFLUENT_EQUIVALENTS = Map.of(
            "io.confluent.kafka.serializers.subject.TopicNameStrategy", TopicNameStrategy.class,
            "io.confluent.kafka.serializers.subject.RecordNameStrategy", RecordNameStrategy.class,
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", TopicRecordNameStrategy.class,
            "TopicNameStrategy", TopicNameStrategy.class,
            "RecordNameStrategy", RecordNameStrategy.class,
            "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private SubjectNames() {
    }

    static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD && schema.getType() != Schema.Type.ENUM
                && schema.getType() != Schema.Type.FIXED) {
            throw new IllegalArgumentException("a record-name subject strategy needs a named schema, not " + schema.getType());
        }
        return schema.getFullName();
    }

    /** Accepts a {@link SubjectNameStrategy} instance or class, or a class name (ours or Confluent's). */
    static SubjectNameStrategy resolve(String key, Object configured, SubjectNameStrategy fallback) {
        if (configured == null) {
            return fallback;
        }
        if (configured instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        Class<?> type = configured instanceof Class<?> c ? c : classNamed(key, configured.toString().trim());
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            throw new ConfigException(key, configured, "not a " + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, configured, "cannot instantiate: " + e);
        }
    }

    private static Class<?> classNamed(String key, String name) {
        Class<? extends SubjectNameStrategy> equivalent = CONFLUENT_EQUIVALENTS.get(name);
        if (equivalent != null) {
            return equivalent;
        }
        try {
            return Class.forName(name, true, SubjectNames.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "no such subject name strategy; use TopicNameStrategy, RecordNameStrategy "
                    + "or TopicRecordNameStrategy (Faultline's or Confluent's class name)");
        }
    }
}
