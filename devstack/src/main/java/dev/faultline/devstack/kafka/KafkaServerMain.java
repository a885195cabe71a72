package dev.faultline.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Main class of the Kafka child JVM: formats the log directory named in {@code server.properties}
 * when it is new, then runs {@code kafka.Kafka} on that file. Formatting here rather than in the
 * parent loads the broker's classes once, in the JVM that needs them.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaServerMain <server.properties>");
            System.exit(2);
        }
        Path properties = Path.of(args[0]);
        Path logDir = Path.of(load(properties).getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            StorageTool.execute(new String[] {"format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()}, System.out);
        }
        Kafka.main(new String[] {properties.toString()});
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
