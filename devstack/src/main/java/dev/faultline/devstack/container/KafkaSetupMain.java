package dev.faultline.devstack.container;

import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaSecuritySetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A container cluster's one-shot security setup, run as its administrator once a broker answers:
 * {@code KafkaSetupMain --bootstrap-servers kafka-1:19092 --credentials FILE [--timeout-seconds 180]} gives every
 * principal of FILE (the stack's generated passwords, a mounted secret) its SCRAM credential and creates the ACLs of
 * {@code KafkaAccess}, exactly as the devstack does for its broker. Creating them again changes nothing, so it may run
 * on every start. Exit 0 when done; 1 when the cluster did not accept them in time.
 */
public final class KafkaSetupMain {

    static final String USAGE = "usage: KafkaSetupMain --bootstrap-servers HOSTS --credentials FILE [--timeout-seconds 180]\n";

    private KafkaSetupMain() {
    }

    public static void main(String[] args) {
        ContainerArgs options = ContainerArgs.parse(args,
                Set.of("--bootstrap-servers", "--credentials", "--timeout-seconds"), USAGE);
        String bootstrap = options.require("--bootstrap-servers", USAGE);
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(Path.of(options.require("--credentials", USAGE)));
        long deadline = System.nanoTime() + Duration.ofSeconds(options.number("--timeout-seconds", 180)).toNanos();
        while (true) {
            try {
                KafkaSecuritySetup.apply(credentials, bootstrap);
                System.out.println("principals and ACLs set up at " + bootstrap);
                System.exit(0);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("cannot set up principals and ACLs at " + bootstrap + ": " + e.getMessage());
                    System.exit(1);
                }
                System.out.println("cluster at " + bootstrap + " not ready yet (" + e.getMessage() + "); retrying");
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // a broker still electing its controller
            }
        }
    }
}
