package dev.faultline.cli;

import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.login.TokenStore;
import dev.faultline.cli.login.TokenSubject;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the running services are, an option group of every command that talks to them: each flag, else its
 * {@code FAULTLINE_*} variable ({@link EnvironmentDefaults}), else the demo port on 127.0.0.1. Commands
 * initialise the group, so that it holds the defaults when none of its flags is given.
 */
public final class ServiceOptions {

    /** Kafka's bootstrap servers on the local stack's demo ports. */
    public static final String DEFAULT_KAFKA = "127.0.0.1:9092";

    public static final String HEADING = "%nService addresses (the flag, else its environment variable, else the demo port):%n";

    /** The options {@link EnvironmentDefaults} reads from the environment. */
    static final List<String> NAMES = List.of("--hypothesis-url", "--safety-url", "--injector-url", "--analysis-url",
            "--catalog-url", "--kafka", "--registry-url", "--kafka-config", "--token");

    @Option(names = "--hypothesis-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8101",
            description = "hypothesis-service (env FAULTLINE_HYPOTHESIS_URL; default ${DEFAULT-VALUE})")
    String hypothesis;

    @Option(names = "--safety-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8102",
            description = "safety-service (env FAULTLINE_SAFETY_URL; default ${DEFAULT-VALUE})")
    String safety;

    @Option(names = "--injector-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8103",
            description = "injector-service (env FAULTLINE_INJECTOR_URL; default ${DEFAULT-VALUE})")
    String injector;

    @Option(names = "--analysis-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8104",
            description = "analysis-service (env FAULTLINE_ANALYSIS_URL; default ${DEFAULT-VALUE})")
    String analysis;

    @Option(names = "--catalog-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8105",
            description = "catalog-service (env FAULTLINE_CATALOG_URL; default ${DEFAULT-VALUE})")
    String catalog;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = DEFAULT_KAFKA,
            description = "Kafka bootstrap servers (env FAULTLINE_KAFKA; default ${DEFAULT-VALUE})")
    String kafka;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8081",
            description = "schema registry (env FAULTLINE_REGISTRY_URL; default ${DEFAULT-VALUE})")
    String registry;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client settings (SASL, the registry's "
            + "basic.auth.user.info), as a devstack writes them in <data>/kafka/clients (env FAULTLINE_KAFKA_CONFIG; "
            + "default: none)")
    String kafkaConfig;

    @Option(names = "--token", paramLabel = "JWT", description = "the bearer token to send (env FAULTLINE_TOKEN; "
            + "default: the one `faultline login` stored)")
    String token;

    /** The services, called with {@code --token}, else {@code FAULTLINE_TOKEN}, else the stored token. */
    public Endpoints endpoints() {
        return new Endpoints(hypothesis, safety, injector, analysis, catalog, kafka, registry, kafkaConfig,
                token != null && !token.isBlank() ? token.strip() : TokenStore.ofProcess().stored().orElse(null));
    }

    /**
     * The signed-in user, who authors what a command publishes straight to Kafka: the subject of the token
     * {@link #endpoints()} sends ({@link TokenSubject}).
     *
     * @throws IllegalStateException saying how to sign in, when there is no token
     */
    public String signedInUser() {
        return TokenSubject.of(endpoints().token());
    }
}
