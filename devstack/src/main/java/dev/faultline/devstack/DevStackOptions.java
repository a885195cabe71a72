package dev.faultline.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@link DevStackMain}. Ports default to the usual ones; 0 means any free
 * port. Bad input fails with a message naming the flag.
 */
record DevStackOptions(Optional<Path> dataDir, boolean keep, boolean exitAfterStart, int kafkaPort,
                       int kafkaControllerPort, int registryPort, int cassandraPort, int cassandraStoragePort,
                       int issuerPort, Optional<Path> usersFile) {

    static final String USAGE = """
            usage: faultline devstack [options]
              --data-dir DIR              keep all data in DIR (reused on the next start); default: a fresh
                                          temporary directory, deleted at exit
              --keep                      do not delete the temporary data directory at exit
              --exit-after-start          start everything, print the addresses, then stop (for CI)
              --kafka-port N              Kafka broker port (default 9092; 0 = any free port)
              --kafka-controller-port N   Kafka KRaft controller port (default 9093)
              --registry-port N           schema registry HTTP port (default 8081)
              --cassandra-port N          Cassandra CQL port (default 9042)
              --cassandra-storage-port N  Cassandra inter-node port (default 7000)
              --issuer-port N             local token issuer HTTP port (default 8110)
              --users FILE                the issuer's users and service clients (default: the bundled
                                          copy of deploy/users.yaml)
            """;

    static DevStackOptions parse(List<String> args) {
        Optional<Path> dataDir = Optional.empty();
        boolean keep = false;
        boolean exitAfterStart = false;
        Optional<Path> usersFile = Optional.empty();
        int[] ports = {9092, 9093, 8081, 9042, 7000, 8110};
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--keep" -> keep = true;
                case "--exit-after-start", "--smoke" -> exitAfterStart = true;
                case "--kafka-port" -> ports[0] = port(args, ++i, arg);
                case "--kafka-controller-port" -> ports[1] = port(args, ++i, arg);
                case "--registry-port" -> ports[2] = port(args, ++i, arg);
                case "--cassandra-port" -> ports[3] = port(args, ++i, arg);
                case "--cassandra-storage-port" -> ports[4] = port(args, ++i, arg);
                case "--issuer-port" -> ports[5] = port(args, ++i, arg);
                case "--users" -> usersFile = Optional.of(Path.of(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DevStackOptions(dataDir, keep, exitAfterStart, ports[0], ports[1], ports[2], ports[3], ports[4],
                ports[5], usersFile);
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int port(List<String> args, int index, String flag) {
        String value = value(args, index, flag);
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a TCP port (0-65535, 0 = any free port), not '" + value + "'");
        }
    }
}
