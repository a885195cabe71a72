package dev.faultline.kit;

import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Where a service finds Kafka and the schema registry, and the name it signs its events with:
 * <ul>
 *   <li>{@code faultline.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092}): the brokers;</li>
 *   <li>{@code faultline.kafka.schema-registry-url} (default {@code http://127.0.0.1:8081}): the schema registry;</li>
 *   <li>{@code faultline.kafka.replication-factor} (default 1): replication of the topics the service creates,
 *       Kafka Streams' internal topics included;</li>
 *   <li>{@code faultline.kafka.username} and {@code faultline.kafka.password} (default none): the service's Kafka
 *       principal. When set, every client authenticates with SASL/SCRAM-SHA-256 over {@code SASL_PLAINTEXT}
 *       ({@code faultline.kafka.sasl-mechanism} picks SCRAM-SHA-512 instead) and the serdes send the same
 *       credentials to the schema registry as HTTP Basic ({@code basic.auth.user.info}, as Confluent's clients do).
 *       Give the password through the environment ({@code FAULTLINE_KAFKA_PASSWORD}) or a config file readable by
 *       the service only ({@code micronaut.config.files}), never on a command line; unset, clients connect
 *       unauthenticated (a broker with no security);</li>
 *   <li>{@code faultline.service.name} (default {@code micronaut.application.name}, else {@code faultline}): the
 *       service's name in event headers, client ids and the {@code service} metric tag.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.kafka")
public final class KafkaSettings {

    private static final String DEFAULT_SERVICE_NAME = "faultline";
    private static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final short replicationFactor;
    private final String serviceName;
    private final String username;
    private final String password;
    private final String saslMechanism;

    @ConfigurationInject
    KafkaSettings(@Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
                  @Bindable(defaultValue = "http://127.0.0.1:8081") String schemaRegistryUrl,
                  @Bindable(defaultValue = "1") short replicationFactor,
                  @Nullable String username,
                  @Nullable String password,
                  @Bindable(defaultValue = SCRAM_SHA_256) String saslMechanism,
                  @Property(name = "faultline.service.name") @Nullable String serviceName,
                  @Property(name = "micronaut.application.name", defaultValue = DEFAULT_SERVICE_NAME)
                  String applicationName) {
        this.bootstrapServers = SettingChecks.notBlank(bootstrapServers, "faultline.kafka.bootstrap-servers");
        this.schemaRegistryUrl = SettingChecks.notBlank(schemaRegistryUrl, "faultline.kafka.schema-registry-url");
        this.replicationFactor = (short) SettingChecks.atLeast(replicationFactor, 1,
                "faultline.kafka.replication-factor");
        // two keys outside faultline.kafka, bound by name: the service's name, else the application's
        this.serviceName = serviceName == null || serviceName.isBlank() ? applicationName : serviceName;
        boolean hasUser = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("faultline.kafka.username and faultline.kafka.password go together: "
                    + (hasUser ? "set the password (FAULTLINE_KAFKA_PASSWORD)" : "set the username") + " or neither");
        }
        if (!saslMechanism.equals(SCRAM_SHA_256) && !saslMechanism.equals("SCRAM-SHA-512")) {
            throw new IllegalArgumentException("faultline.kafka.sasl-mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512, not '"
                    + saslMechanism + "'");
        }
        this.username = hasUser ? username : null;
        this.password = hasUser ? password : null;
        this.saslMechanism = saslMechanism;
    }

    /** Settings made by hand (tests, tools outside a context): replication factor 1, no authentication. */
    public KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String serviceName) {
        this(bootstrapServers, schemaRegistryUrl, serviceName, null, null);
    }

    /** Settings made by hand, authenticating as {@code username} (SCRAM-SHA-256) when it is not null. */
    public KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String serviceName, String username,
                         String password) {
        this(bootstrapServers, schemaRegistryUrl, (short) 1, username, password, SCRAM_SHA_256, serviceName,
                DEFAULT_SERVICE_NAME);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public String serviceName() {
        return serviceName;
    }

    /** True when clients authenticate ({@code faultline.kafka.username} is set). */
    public boolean authenticates() {
        return username != null;
    }

    /**
     * Client properties every producer, consumer, admin and Streams app of a service starts from: the brokers, the
     * registry and, when a username is set, SASL/SCRAM and the registry's HTTP Basic credentials.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        props.putAll(securityProperties());
        return props;
    }

    /** Only the authentication part of {@link #clientProperties()} (empty without a username). */
    public Map<String, Object> securityProperties() {
        if (username == null) {
            return Map.of();
        }
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, saslMechanism,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + jaasEscape(username) + "\" password=\"" + jaasEscape(password) + "\";",
                FaultlineSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                FaultlineSerdeConfig.BASIC_AUTH_USER_INFO, username + ":" + password);
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
