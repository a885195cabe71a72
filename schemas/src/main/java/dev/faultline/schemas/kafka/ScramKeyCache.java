package dev.faultline.schemas.kafka;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's SCRAM clients, with each password's salted key derived once per JVM instead of once per connection.
 *
 * <p>A SCRAM client derives its key from the password with 4,096 rounds of HMAC ({@code Hi}, RFC 5802) on every
 * connection it authenticates, and Kafka's {@link ScramSaslClient} keeps nothing between connections. A service opens
 * dozens at its start (each consumer, producer, admin and Streams client, to the bootstrap address, to the broker and
 * to its group coordinator; a replay of a topic is one more consumer): the local stack's services JVM held 69 when it
 * was ready. With C1 only, as the stack's JVMs run, one derivation takes 14–20 ms, and they were 1.1–1.5 of the
 * services' ~9 CPU-seconds to ready (cli README, "Footprint"). RFC 7677 (section 4) names the remedy: keep the key
 * while the salt and iteration count stay the same, as MongoDB's drivers must.
 *
 * <p>{@link #install()} puts a SASL provider first in the JVM's list for {@code SCRAM-SHA-256} and {@code -512}. Its
 * clients are Kafka's own {@link ScramSaslClient} — its messages, nonce, minimum iteration count and check of the
 * server's signature unchanged — with a {@link ScramFormatter} whose {@code hi} answers from this cache, keyed by the
 * mechanism, a digest of the password (the mechanism's hash), the salt and the iteration count. A new salt (the
 * password reset on the broker) or a new password is a new key. The formatter is set through reflection, Kafka
 * offering no other way; should a Kafka release rename the field, the clients are Kafka's plain ones and a warning
 * says so ({@code ScramKeyCacheTest} and {@code ScramKeyCacheIT} fail on it).
 *
 * <p>Every service installs it as its context starts, before any client connects (service-kit's
 * {@code ScramKeyCacheInstaller}); the CLI installs it too.
 */
public final class ScramKeyCache {

    /** The name of the provider {@link #install()} registers. */
    public static final String PROVIDER_NAME = "FaultlineScramKeyCache";
    /** The keys kept at most: one per principal, password and salt a JVM authenticates with (a handful). */
    static final int MAX_KEYS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ScramKeyCache.class);
    private static final Map<Key, byte[]> KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong DERIVATIONS = new AtomicLong();

    private ScramKeyCache() {
    }

    /** Puts the caching SCRAM clients first among the JVM's SASL providers; once per JVM, later calls do nothing. */
    public static synchronized void install() {
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.insertProviderAt(new ScramKeyCacheProvider(), 1);
        }
    }

    /** How many salted keys this JVM derived (each a full {@code Hi}): the rest came from the cache. */
    static long derivations() {
        return DERIVATIONS.get();
    }

    private static Field formatterField() {
        try {
            Field field = ScramSaslClient.class.getDeclaredField("formatter");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Kafka's SCRAM client has no formatter field to set ({}): each connection derives its SCRAM key "
                    + "again", e.toString());
            return null;
        }
    }

    private record Key(String mechanism, ByteBuffer passwordDigest, ByteBuffer salt, int iterations) {
    }

    /** Kafka's formatter, its {@code hi} remembered. */
    private static final class CachingFormatter extends ScramFormatter {

        private final ScramMechanism mechanism;

        CachingFormatter(ScramMechanism mechanism) throws NoSuchAlgorithmException {
            super(mechanism);
            this.mechanism = mechanism;
        }

        @Override
        public byte[] hi(byte[] password, byte[] salt, int iterations) throws InvalidKeyException {
            // the mechanism's own hash (this formatter's digest): no copy of the password kept as the key
            Key key = new Key(mechanism.mechanismName(), ByteBuffer.wrap(hash(password)),
                    ByteBuffer.wrap(salt.clone()), iterations);
            byte[] known = KEYS.get(key);
            if (known != null) {
                return known.clone();
            }
            byte[] derived = super.hi(password, salt, iterations);
            DERIVATIONS.incrementAndGet();
            if (KEYS.size() >= MAX_KEYS) {
                KEYS.clear();
            }
            KEYS.put(key, derived.clone());
            return derived;
        }
    }

    /** The provider {@link #install()} registers: a {@link SaslClientFactory} for Kafka's SCRAM mechanisms. */
    private static final class ScramKeyCacheProvider extends Provider {

        ScramKeyCacheProvider() {
            super(PROVIDER_NAME, "1.0", "Kafka's SCRAM clients, each password's salted key derived once per JVM");
            for (ScramMechanism mechanism : ScramMechanism.values()) {
                put("SaslClientFactory." + mechanism.mechanismName(), Factory.class.getName());
            }
        }
    }

    /** Makes Kafka's {@link ScramSaslClient} with a {@link CachingFormatter}; the JDK instantiates it by name. */
    public static final class Factory implements SaslClientFactory {

        /** Kafka's client's formatter, looked up when the first SCRAM client is made (the CLI may never make one). */
        private static final Field FORMATTER = formatterField();

        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol,
                                           String serverName, Map<String, ?> props, CallbackHandler callbackHandler)
                throws SaslException {
            for (String name : mechanisms) {
                ScramMechanism mechanism = ScramMechanism.forMechanismName(name);
                if (mechanism != null) {
                    return client(mechanism, callbackHandler);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return ScramMechanism.mechanismNames().toArray(String[]::new);
        }

        private static SaslClient client(ScramMechanism mechanism, CallbackHandler callbackHandler)
                throws SaslException {
            try {
                ScramSaslClient client = new ScramSaslClient(mechanism, callbackHandler);
                if (FORMATTER != null) {
                    FORMATTER.set(client, new CachingFormatter(mechanism));
                }
                return client;
            } catch (NoSuchAlgorithmException e) {
                throw new SaslException("no " + mechanism.hashAlgorithm() + " for " + mechanism.mechanismName(), e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the formatter field was made accessible", e);
            }
        }
    }
}
