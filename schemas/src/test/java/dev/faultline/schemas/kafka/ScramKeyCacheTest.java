package dev.faultline.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.ScramCredentialCallback;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cached SCRAM clients against Kafka's own SCRAM server, in process: the key is derived once for a password and
 * salt, again for a new salt, and the client still refuses a server that cannot prove it knows the password.
 */
class ScramKeyCacheTest {

    private static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_256;

    @BeforeAll
    static void install() {
        ScramKeyCache.install();
    }

    @Test
    void shouldDeriveAPasswordsKeyOnceForManyConnections() throws Exception {
        ScramCredential credential = credential("password-of-many-connections");
        long before = ScramKeyCache.derivations();

        for (int connection = 0; connection < 5; connection++) {
            assertThat(authenticate("many", "password-of-many-connections", credential)).isTrue();
        }

        assertThat(ScramKeyCache.derivations() - before).as("one Hi for five authentications").isEqualTo(1);
    }

    @Test
    void shouldDeriveAgainForANewSaltOrAnotherPassword() throws Exception {
        long before = ScramKeyCache.derivations();
        assertThat(authenticate("reset", "first-password", credential("first-password"))).isTrue();
        // the password set again on the broker: a new salt
        assertThat(authenticate("reset", "first-password", credential("first-password"))).isTrue();
        assertThat(authenticate("reset", "second-password", credential("second-password"))).isTrue();

        assertThat(ScramKeyCache.derivations() - before).isEqualTo(3);
    }

    @Test
    void shouldStillBeRefusedWithAWrongPasswordOnceTheRightOneIsCached() throws Exception {
        ScramCredential credential = credential("the-right-password");
        assertThat(authenticate("wrong", "the-right-password", credential)).isTrue();

        assertThatThrownBy(() -> authenticate("wrong", "not-the-password", credential))
                .isInstanceOf(SaslException.class).hasMessageContaining("Invalid client credentials");
    }

    @Test
    void shouldRefuseAServerThatCannotSignWithThePasswordsKey() throws Exception {
        ScramCredential real = credential("password-of-a-forged-server");
        assertThat(authenticate("forged", "password-of-a-forged-server", real)).isTrue();
        // a server that accepts the client's proof (it holds the stored key) but not the password's server key
        ScramCredential forged = new ScramCredential(real.salt(), real.storedKey(),
                new ScramFormatter(MECHANISM).secureRandomBytes(), real.iterations());

        assertThatThrownBy(() -> authenticate("forged", "password-of-a-forged-server", forged))
                .isInstanceOf(SaslException.class).hasMessageContaining("Invalid server signature");
    }

    private static ScramCredential credential(String password) throws Exception {
        return new ScramFormatter(MECHANISM).generateCredential(password, MECHANISM.minIterations());
    }

    /** One SCRAM exchange of a client the JDK makes (so this cache's) with Kafka's server; true when both completed. */
    private static boolean authenticate(String user, String password, ScramCredential credential) throws Exception {
        SaslClient client = Sasl.createSaslClient(new String[] {MECHANISM.mechanismName()}, null, "kafka", "localhost",
                Map.of(), clientCallbacks(user, password));
        ScramSaslServer server = new ScramSaslServer(MECHANISM, Map.of(), callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof ScramCredentialCallback scram) {
                    scram.scramCredential(credential);
                } else if (!(callback instanceof NameCallback)) {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        });
        byte[] clientFirst = client.evaluateChallenge(new byte[0]);
        byte[] serverFirst = server.evaluateResponse(clientFirst);
        byte[] clientFinal = client.evaluateChallenge(serverFirst);
        byte[] serverFinal = server.evaluateResponse(clientFinal);
        client.evaluateChallenge(serverFinal);
        return client.isComplete() && server.isComplete();
    }

    private static CallbackHandler clientCallbacks(String user, String password) {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }
}
