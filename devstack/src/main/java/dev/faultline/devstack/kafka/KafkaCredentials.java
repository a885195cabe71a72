package dev.faultline.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The passwords of a stack's {@link KafkaPrincipal}s, generated per stack (nothing is committed) and kept in a file
 * only its owner can read, so that a stack restarted on the same data directory keeps them. The same username and
 * password also authenticate to the schema registry (HTTP Basic), as Confluent's clients send them.
 */
public final class KafkaCredentials {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = "SCRAM-SHA-256";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<KafkaPrincipal, String> passwords;

    private KafkaCredentials(Map<KafkaPrincipal, String> passwords) {
        this.passwords = passwords;
    }

    /** Fresh random passwords, kept in memory only. */
    public static KafkaCredentials generate() {
        Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            passwords.put(principal, randomPassword());
        }
        return new KafkaCredentials(passwords);
    }

    /**
     * The passwords in {@code file}; a principal it lacks (all of them when there is no file) gets a fresh one, and the
     * whole set is written back (owner read/write only), so a password once given never changes with a restart.
     */
    public static KafkaCredentials loadOrCreate(Path file) {
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    stored.load(in);
                }
            }
            Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
            for (KafkaPrincipal principal : KafkaPrincipal.values()) {
                passwords.put(principal, stored.getProperty(principal.username(), randomPassword()));
            }
            if (passwords.size() != stored.size()) {
                Files.createDirectories(file.getParent());
                Properties out = new Properties();
                passwords.forEach((principal, password) -> out.setProperty(principal.username(), password));
                writeOwnerOnly(file, out, "Kafka and schema registry passwords of this devstack's principals");
            }
            return new KafkaCredentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the Kafka credentials in " + file, e);
        }
    }

    /**
     * The schema registry's writers, with the same password as on Kafka: the principals whose serializers register
     * schemas — the administrator, the five services and outside tools. Auditors and the demo shop read schemas
     * (open to all) and write none.
     */
    public Map<String, String> registryUsers() {
        Map<String, String> users = new HashMap<>();
        passwords.forEach((principal, password) -> {
            if (principal == KafkaPrincipal.ADMIN || principal == KafkaPrincipal.TOOL
                    || KafkaPrincipal.services().contains(principal)) {
                users.put(principal.username(), password);
            }
        });
        return users;
    }

    public String password(KafkaPrincipal principal) {
        return passwords.get(principal);
    }

    /** {@code username:password}, as {@code basic.auth.user.info} wants it. */
    public String userInfo(KafkaPrincipal principal) {
        return principal.username() + ":" + password(principal);
    }

    /**
     * Kafka client properties authenticating as {@code principal} at {@code bootstrapServers} (SASL_PLAINTEXT,
     * SCRAM-SHA-256), plus the schema registry's HTTP Basic credentials under Confluent's keys.
     */
    public Map<String, Object> clientProperties(KafkaPrincipal principal, String bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", scramJaas(principal.username(), password(principal)));
        props.put("basic.auth.credentials.source", "USER_INFO");
        props.put("basic.auth.user.info", userInfo(principal));
        return props;
    }

    /**
     * Writes {@link #clientProperties} of {@code principal} to {@code file}, readable
     * by its owner only: the form a child process (or Kafka's own tools, {@code --command-config}) reads its
     * credentials from, so that no password is on a command line.
     */
    public Path writeClientConfig(KafkaPrincipal principal, String bootstrapServers, Path file) {
        Properties props = new Properties();
        clientProperties(principal, bootstrapServers).forEach((key, value) -> props.setProperty(key, value.toString()));
        try {
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, props, "Kafka client settings of " + principal.username());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@link #writeClientConfig} for every principal but the broker, into {@code dir}; returns {@code dir}. */
    public Path writeClientConfigs(String bootstrapServers, Path dir) {
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            if (principal != KafkaPrincipal.BROKER) {
                writeClientConfig(principal, bootstrapServers, dir.resolve(principal.username() + ".properties"));
            }
        }
        return dir;
    }

    /**
     * {@code principal}'s SCRAM credential as Kafka's storage format takes it ({@code --add-scram}): the super users
     * exist before the broker first starts.
     */
    public String formatCredential(KafkaPrincipal principal) {
        return MECHANISM + "=[name=" + principal.username() + ",password=" + password(principal) + "]";
    }

    /** The JAAS line of a SCRAM login as {@code username}: a client's, or a broker listener's own. */
    public static String scramJaas(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** Writes {@code content} to {@code file}, created readable and writable by its owner only. */
    public static void writeOwnerOnly(Path file, Properties content, String comment) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            content.store(out, comment);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
