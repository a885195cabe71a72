package dev.faultline.cli.stack;

import dev.faultline.cli.HelpOption;
import dev.faultline.cli.replay.PublicKeys;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.container.RegistryMain;
import dev.faultline.devstack.kafka.KafkaBrokerConfig;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline compose-secrets DIR} (run by {@code ./faultline compose}): the compose stack's secrets, generated
 * once into DIR and kept, as the local stack's are per run — each a file its owner alone reads, mounted into the one
 * container that needs it (compose {@code secrets:}), so that no password or key is in the compose file, an image or
 * the environment:
 * <ul>
 *   <li>{@code kafka/credentials.properties}: every principal's password (the cluster's setup job creates them);</li>
 *   <li>{@code kafka/broker.properties}, {@code kafka/broker-scram.txt}: the brokers' SASL listeners and their super
 *       users, given to the storage format;</li>
 *   <li>{@code kafka/clients/<principal>.properties}: client settings for tools on this host (brokers on
 *       {@value #HOST_BOOTSTRAP}) and {@code <service>.service.properties}, each service's principal;</li>
 *   <li>{@code registry.properties}: the registry's own principal and its writers;</li>
 *   <li>{@code clearance/}: the Ed25519 pair — {@code safety-service.clearance.properties} and the private key for
 *       safety-service, {@code injector-service.clearance.properties} with the public key for the injector;</li>
 *   <li>{@code agent.json}: the host agent's config, with the same public key (a directory made before the agent was
 *       in compose gains it from the public key there).</li>
 * </ul>
 * A second run with the same DIR changes nothing.
 */
@Command(name = "compose-secrets", hidden = true,
        description = "Write the compose stack's generated secrets into DIR (once; ./faultline compose runs it).")
public final class ComposeSecretsCommand implements Callable<Integer> {

    /** The brokers as a tool on the compose host reaches them: the three published ports. */
    static final String HOST_BOOTSTRAP = "127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292";
    /** The brokers on the compose network (their INTERNAL listeners). */
    static final String NETWORK_BOOTSTRAP = "kafka-1:19092,kafka-2:19092,kafka-3:19092";
    /** The host agent's config in DIR (compose's {@code agent} secret). */
    static final String AGENT_CONFIG = "agent.json";
    /** Where the agent container keeps its state and its disk faults' files (a volume). */
    static final String AGENT_HOME = "/var/lib/faultline-agent";
    static final int AGENT_PORT = 8479;
    /** Where compose mounts the clearance signing key in safety-service. */
    static final String SIGNING_KEY_MOUNT = "/run/secrets/clearance-signing-key";

    @Parameters(paramLabel = "DIR", description = "where the secrets go (./faultline compose: target/compose)")
    Path dir;

    @Option(names = "--host-bootstrap", defaultValue = HOST_BOOTSTRAP,
            description = "the brokers as tools on this host reach them; default ${DEFAULT-VALUE}")
    String hostBootstrap;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws IOException {
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            if (!Files.exists(dir.resolve(AGENT_CONFIG))) {
                writeAgent(existingPublicKeys());
            }
            return 0;
        }
        Files.createDirectories(dir);
        Path kafka = dir.resolve("kafka");
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(kafka.resolve("credentials.properties"));
        StackCredentials.write(credentials, hostBootstrap, kafka.resolve("clients"));
        writeBroker(credentials, kafka);
        writeRegistry(credentials);
        writeClearance();
        Files.writeString(done, "");
        return 0;
    }

    /** The SASL settings of the INTERNAL and EXTERNAL (SCRAM) and CONTROLLER (PLAIN, the broker only) listeners. */
    private void writeBroker(KafkaCredentials credentials, Path kafka) throws IOException {
        String broker = KafkaPrincipal.BROKER.username();
        String password = credentials.password(KafkaPrincipal.BROKER);
        String scram = KafkaCredentials.scramJaas(broker, password);
        Properties props = new Properties();
        props.setProperty("listener.name.internal.scram-sha-256.sasl.jaas.config", scram);
        props.setProperty("listener.name.external.scram-sha-256.sasl.jaas.config", scram);
        props.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + broker
                        + "\" password=\"" + password + "\" user_" + broker + "=\"" + password + "\";");
        KafkaCredentials.writeOwnerOnly(kafka.resolve("broker.properties"), props, "SASL settings of the brokers");
        List<String> superUsers = KafkaBrokerConfig.BOOTSTRAPPED.stream().map(credentials::formatCredential).toList();
        Path scramFile = kafka.resolve("broker-scram.txt");
        Files.write(scramFile, superUsers);
        restrict(scramFile);
    }

    private void writeRegistry(KafkaCredentials credentials) throws IOException {
        KafkaCredentials.writeOwnerOnly(dir.resolve("registry.properties"), RegistryMain.config(credentials, NETWORK_BOOTSTRAP),
                "the schema registry's principal and writers");
    }

    private void writeClearance() throws IOException {
        StackKeys keys = StackKeys.create(dir);
        Properties signer = new Properties();
        signer.setProperty("faultline.clearance.key-id", keys.keyId());
        signer.setProperty("faultline.clearance.signing-key-file", SIGNING_KEY_MOUNT);
        signer.setProperty("faultline.security.client-id", ServiceCatalog.SAFETY_CLIENT);
        signer.setProperty("faultline.security.client-secret",
                IssuerUsers.bundled().clients().get(ServiceCatalog.SAFETY_CLIENT).secret());
        KafkaCredentials.writeOwnerOnly(dir.resolve("clearance/safety-service.clearance.properties"), signer,
                "safety-service: the clearance signing key's id and file, its client of the token issuer");
        Properties verifier = new Properties();
        verifier.setProperty("faultline.clearance.public-keys." + keys.keyId(), keys.publicKey());
        KafkaCredentials.writeOwnerOnly(dir.resolve("clearance/injector-service.clearance.properties"), verifier,
                "injector-service: the public key it verifies clearances with");
        writeAgent(keys.publicKeys());
    }

    /**
     * The agent container's config: on every address of its container, with {@code pid: host} (it sees and pauses the
     * demo's JVMs in their own containers, as a node agent does), its state and fill directories on its volume.
     */
    private void writeAgent(Map<String, String> publicKeys) throws IOException {
        Path file = dir.resolve(AGENT_CONFIG);
        DemoAgent.write(file, DemoAgent.config("0.0.0.0", AGENT_PORT, publicKeys, AGENT_HOME + "/state", 18090, 18080,
                AGENT_HOME + "/fill"));
        restrict(file);
    }

    /** The public keys {@link StackKeys} wrote into this directory before, Base64 X.509 as the agent reads them. */
    private Map<String, String> existingPublicKeys() {
        Map<String, String> keys = new TreeMap<>();
        PublicKeys.read(dir.resolve("clearance").resolve(StackKeys.PUBLIC_KEYS))
                .forEach((keyId, key) -> keys.put(keyId, Base64.getEncoder().encodeToString(key.getEncoded())));
        return keys;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
    }
}
