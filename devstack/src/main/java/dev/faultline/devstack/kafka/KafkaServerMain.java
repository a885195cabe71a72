package dev.faultline.devstack.kafka;

import kafka.Kafka;

/**
 * Main class of the Kafka child JVM: runs {@code kafka.Kafka} on the {@code server.properties} it is given, whose
 * storage {@link KafkaProcess} formatted (with the super users' SCRAM credentials, kept off this command line).
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaServerMain <server.properties>");
            System.exit(2);
        }
        Kafka.main(new String[] {args[0]});
    }
}
