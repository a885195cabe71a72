package dev.faultline.devstack.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of the Cassandra child JVM, recorded at build time by the
 * {@code faultline-devstack-cassandra} module. Cassandra's jars are never on this JVM's classpath.
 */
final class CassandraClasspath {

    static final String RESOURCE = "/dev/faultline/devstack/cassandra/cassandra.classpath";
    /**
     * The node's MBean wrapper that registers nothing (a class of {@code faultline-devstack-cassandra}, on the node's
     * classpath through {@link #ownLocation}): registering ~100 metric MBeans per table was a good part of each
     * {@code CREATE TABLE}'s cost, and nothing reads the development node over JMX.
     */
    static final String UNREGISTERED_MBEANS = "dev.faultline.devstack.cassandra.node.UnregisteredMBeans";

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

    /** The jar (or class directory) of {@code faultline-devstack-cassandra}, which holds the recorded classpath. */
    static String ownLocation() {
        URL resource = CassandraClasspath.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing: the artifact "
                    + "dev.faultline:faultline-devstack-cassandra must be on the classpath");
        }
        // jar:file:/…/x.jar!/dev/… or file:/…/classes/dev/…: what comes before the resource's own path
        String location = resource.toString().substring(0, resource.toString().length() - RESOURCE.length());
        if (location.startsWith("jar:")) {
            location = location.substring("jar:".length(), location.length() - "!".length());
        }
        return Path.of(URI.create(location)).toString();
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
