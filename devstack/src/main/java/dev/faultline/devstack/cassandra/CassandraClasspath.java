package dev.faultline.devstack.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of the Cassandra child JVM, recorded at build time by the
 * {@code faultline-devstack-cassandra} module. Cassandra's jars are never on this JVM's classpath.
 */
final class CassandraClasspath {

    static final String RESOURCE = "/dev/faultline/devstack/cassandra/cassandra.classpath";

    private CassandraClasspath() {
    }

    static String resolve() {
        String classpath = read().trim();
        if (classpath.isEmpty()) {
            throw new IllegalStateException("the recorded Cassandra classpath " + RESOURCE + " is empty");
        }
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException("the recorded Cassandra classpath names " + entry
                        + ", which does not exist; rebuild with `mvn -pl devstack-cassandra install`");
            }
        }
        return classpath;
    }

    private static String read() {
        try (InputStream in = CassandraClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing: the artifact "
                        + "dev.faultline:faultline-devstack-cassandra must be on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
