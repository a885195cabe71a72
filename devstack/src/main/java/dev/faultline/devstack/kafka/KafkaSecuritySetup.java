package dev.faultline.devstack.kafka;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Run by the stack's administrator once the broker answers: gives every principal that was not bootstrapped at
 * format time its SCRAM credential (again on a restart, with the passwords of the data directory), creates the ACLs
 * of {@link KafkaAccess} (creating an existing ACL changes nothing) and waits until the broker knows every user.
 */
public final class KafkaSecuritySetup {

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaSecuritySetup() {
    }

    static void apply(KafkaBrokerConfig config) {
        apply(config.credentials(), config.bootstrapServers());
    }

    /**
     * Gives every principal but the bootstrapped super users its SCRAM credential and creates the ACLs, as the
     * administrator of the cluster at {@code bootstrapServers} (any broker of it: a container cluster's setup job).
     */
    public static void apply(KafkaCredentials credentials, String bootstrapServers) {
        List<KafkaPrincipal> users = List.of(KafkaPrincipal.values()).stream()
                .filter(principal -> !KafkaBrokerConfig.BOOTSTRAPPED.contains(principal)).toList();
        try (Admin admin = Admin.create(credentials.clientProperties(KafkaPrincipal.ADMIN, bootstrapServers))) {
            List<UserScramCredentialAlteration> upserts = users.stream()
                    .<UserScramCredentialAlteration>map(principal -> new UserScramCredentialUpsertion(principal.username(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), credentials.password(principal)))
                    .toList();
            // the ACLs first: metadata reaches the broker in order, so once it knows the users it has the ACLs too,
            // and no client can log in before what it may do is known
            admin.createAcls(KafkaAccess.bindings()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(upserts).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> wanted = users.stream().map(KafkaPrincipal::username).collect(Collectors.toSet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!admin.describeUserScramCredentials().users().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " did not learn the users "
                            + wanted + " within " + TIMEOUT_SECONDS + " s");
                }
                Thread.sleep(20); // the controller's record reaches the broker's metadata within milliseconds
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up Kafka's principals and ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set up Kafka's principals and ACLs at " + bootstrapServers
                    + ": " + e.getMessage(), e);
        }
    }
}
