package dev.faultline.cli.stack;

import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local stack's Kafka credentials as files only their owner can read, so that no password is on a command line:
 * each principal's Kafka client settings ({@code <principal>.properties}: for the demo shop, the CLI, other tools),
 * and each service's {@code faultline.kafka.username}/{@code password} ({@code <service>.service.properties}, a
 * Micronaut config file the service is given with {@code micronaut.config.files}).
 */
final class StackCredentials {

    /** console-service: a service without a principal of its own (it runs as the auditor). */
    static final String CONSOLE = "console-service";

    private StackCredentials() {
    }

    /** Writes every file into {@code dir}; returns {@code dir}. */
    static Path write(KafkaCredentials credentials, String bootstrapServers, Path dir) {
        credentials.writeClientConfigs(bootstrapServers, dir);
        for (KafkaPrincipal service : KafkaPrincipal.services()) {
            Properties settings = new Properties();
            settings.setProperty("faultline.kafka.username", service.username());
            settings.setProperty("faultline.kafka.password", credentials.password(service));
            try {
                KafkaCredentials.writeOwnerOnly(serviceFile(dir, service.username()), settings,
                        "Kafka principal of " + service.username());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Kafka credentials of " + service.username(), e);
            }
        }
        // the console reads the topics it shows live and writes none: the auditor's principal
        Properties console = new Properties();
        console.setProperty("faultline.kafka.username", KafkaPrincipal.AUDITOR.username());
        console.setProperty("faultline.kafka.password", credentials.password(KafkaPrincipal.AUDITOR));
        try {
            KafkaCredentials.writeOwnerOnly(serviceFile(dir, CONSOLE), console, "Kafka principal of " + CONSOLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka credentials of " + CONSOLE, e);
        }
        return dir;
    }

    static Path clientFile(Path dir, KafkaPrincipal principal) {
        return dir.resolve(principal.username() + ".properties");
    }

    /** The Micronaut config file of {@code service} (its name is its principal's). */
    static Path serviceFile(Path dir, String service) {
        return dir.resolve(service + ".service.properties");
    }
}
