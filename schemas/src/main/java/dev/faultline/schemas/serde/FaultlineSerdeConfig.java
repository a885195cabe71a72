package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.CachingSchemaRegistryClient;
import dev.faultline.schemas.registry.HttpSchemaRegistryClient;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration, read from the same keys Confluent's Avro serde uses so that it drops in where that
 * one was configured. Differences: values default to {@link TopicRecordNameStrategy}, and
 * {@code specific.avro.reader} defaults to true (Faultline consumers want the generated classes).
 */
public record FaultlineSerdeConfig(
        List<URI> registryUrls,
        SubjectNameStrategy keySubjectStrategy,
        SubjectNameStrategy valueSubjectStrategy,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        Duration latestCacheTtl,
        Duration registryTimeout,
        String basicAuthUserInfo) {

    /** Comma-separated registry base URLs, tried in order. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Class name of the key subject-name strategy (default {@link TopicNameStrategy}). */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Class name of the value subject-name strategy (default {@link TopicRecordNameStrategy}). */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Register the record's schema on first use (default true); if false it must already be registered. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Return generated SpecificRecord classes (default true) rather than GenericRecord. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** How long the latest version of a subject is cached, in seconds; -1 (default) = forever. */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    /** {@code USER_INFO} to send {@link #BASIC_AUTH_USER_INFO} as HTTP basic authentication. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for the registry. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Faultline's own: connect and request timeout towards the registry, in ms (default 10000). */
    public static final String REGISTRY_TIMEOUT_MS = "faultline.schema.registry.timeout.ms";

    /** Reads the serde settings out of a client's configuration map; unknown keys are ignored. */
    public static FaultlineSerdeConfig from(Map<String, ?> configs) {
        Object urls = configs.get(SCHEMA_REGISTRY_URL);
        long ttl = number(configs, LATEST_CACHE_TTL_SEC, -1);
        Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        return new FaultlineSerdeConfig(
                urls == null ? List.of() : parseUrls(urls),
                SubjectNames.resolve(KEY_SUBJECT_NAME_STRATEGY, configs.get(KEY_SUBJECT_NAME_STRATEGY), new TopicNameStrategy()),
                SubjectNames.resolve(VALUE_SUBJECT_NAME_STRATEGY, configs.get(VALUE_SUBJECT_NAME_STRATEGY),
                        new TopicRecordNameStrategy()),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, true),
                ttl < 0 ? null : Duration.ofSeconds(ttl),
                Duration.ofMillis(number(configs, REGISTRY_TIMEOUT_MS, 10_000)),
                userInfo != null && (source == null || "USER_INFO".equals(source.toString())) ? userInfo.toString() : null);
    }

    /** The strategy for keys or for values. */
    public SubjectNameStrategy subjectStrategy(boolean isKey) {
        return isKey ? keySubjectStrategy : valueSubjectStrategy;
    }

    /** A caching HTTP client for {@link #registryUrls()}. */
    public SchemaRegistryClient newRegistryClient() {
        if (registryUrls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required (e.g. http://localhost:8081) unless a "
                    + "SchemaRegistryClient is passed to the serde's constructor");
        }
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(registryUrls, registryTimeout, basicAuthUserInfo),
                latestCacheTtl);
    }

    private static List<URI> parseUrls(Object value) {
        List<String> items = value instanceof List<?> list
                ? list.stream().map(Object::toString).toList()
                : Arrays.asList(value.toString().split(","));
        return items.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            URI uri = URI.create(s);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, value, "expected http:// or https:// URLs");
            }
            return uri;
        }).toList();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    private static long number(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
    }
}
