package dev.faultline.devstack.cassandra;

import dev.faultline.devstack.support.Fingerprints;
import dev.faultline.devstack.support.Switches;
import dev.faultline.devstack.support.WorkDirs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cassandra schemas kept from one local stack for the next: a fresh node starts with the keyspaces and tables the
 * code created last time, so the services find them there instead of waiting on Cassandra to apply some thirty
 * {@code CREATE}s one at a time (5–8 s of a stack's start on two cores).
 *
 * <p>A template is a copy of a node's {@code system_schema} keyspace (its SSTables, nothing else: no row of any table,
 * no role, no node identity), taken after the node stopped cleanly, and kept per machine under
 * {@code ${XDG_CACHE_HOME:-~/.cache}/faultline/cassandra-schema/<key>}. Its key is a fingerprint of the code that
 * created the schema: every entry of the classpaths given, Faultline's own jars and class directories by their
 * content, release jars by their path, size and time ({@code Fingerprints.ofContent}), so a rebuild that changes any
 * class, or another Cassandra, asks for another template, while a rebuild of the same code ({@code ./faultline test}
 * installs every module) or another clone of it finds the one kept. Copied into a new
 * node's data directory before it starts, it is what Cassandra reads at start as its schema, as when a schema is
 * restored from a backup. The services still run their {@code CREATE ... IF NOT EXISTS}, which then change nothing.
 *
 * <p>{@code FAULTLINE_SCHEMA_TEMPLATE=off} (or {@code -Dfaultline.schema-template=off}) turns it off; the tests do.
 */
public final class SchemaTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTemplates.class);
    static final String KEYSPACE = "system_schema";
    /** Templates kept; older ones are deleted when a new one is written. */
    static final int KEPT = 4;

    private final Optional<Path> dir;

    SchemaTemplates(Optional<Path> dir) {
        this.dir = dir;
    }

    /** As this machine's environment says (see the class comment). */
    public static SchemaTemplates configured() {
        boolean on = Switches.on("faultline.schema-template", "FAULTLINE_SCHEMA_TEMPLATE");
        return new SchemaTemplates(on ? Optional.of(WorkDirs.cache("cassandra-schema")) : Optional.empty());
    }

    /**
     * The template of the schema that the code on {@code classpaths} creates with this Cassandra (its classpath is
     * counted in too); empty when off.
     * {@code more} is anything else the schema depends on (which services run, for one).
     */
    public Optional<Template> forCode(List<String> classpaths, String more) {
        return dir.map(d -> new Template(d, fingerprint(
                Stream.concat(classpaths.stream(), Stream.of(CassandraClasspath.resolve())).toList(), more)));
    }

    /** The template named {@code key}, whatever code it is for. */
    Template forKey(String key) {
        return new Template(dir.orElseThrow(() -> new IllegalStateException("schema templates are off")), key);
    }

    static String fingerprint(List<String> classpaths, String more) {
        // each entry once: the services' classpaths share most of theirs
        return Fingerprints.ofContent(more, classpaths.stream()
                .flatMap(classpath -> Stream.of(classpath.split(File.pathSeparator)))
                .filter(entry -> !entry.isBlank()).distinct().map(Path::of).toList());
    }

    /** The template with the key {@code key} under {@code root}, whether or not it was written yet. */
    public record Template(Path root, String key) {

        Path dir() {
            return root.resolve(key);
        }

        public boolean exists() {
            return Files.isDirectory(dir().resolve(KEYSPACE));
        }

        /**
         * Copies the template's schema into the data directory of a node about to start for the first time
         * ({@code nodeDir}, as {@link CassandraNode#start(Path, int, int)} takes it); returns whether there was one.
         */
        public boolean seed(Path nodeDir) {
            if (!exists()) {
                return false;
            }
            copyTables(dir().resolve(KEYSPACE), nodeDir.resolve("data").resolve(KEYSPACE));
            return true;
        }

        /**
         * Keeps the schema of the node that ran in {@code nodeDir}, stopped cleanly (its SSTables complete), unless this
         * template exists already. Written aside and moved into place, so a reader never sees half of one.
         */
        public void record(Path nodeDir) {
            Path source = nodeDir.resolve("data").resolve(KEYSPACE);
            if (exists() || !Files.isDirectory(source)) {
                return;
            }
            Path partial = root.resolve(key + ".partial-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(root);
                WorkDirs.deleteRecursively(partial);
                copyTables(source, partial.resolve(KEYSPACE));
                Files.move(partial, dir(), StandardCopyOption.ATOMIC_MOVE);
                LOG.info("kept the Cassandra schema for the next stacks of this code ({})", dir());
                dropOldest();
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                WorkDirs.deleteRecursively(partial); // another stack kept it first
            } catch (IOException | UncheckedIOException e) {
                WorkDirs.deleteRecursively(partial);
                LOG.warn("could not keep the Cassandra schema in {}: {}", dir(), e.toString());
            }
        }

        private void dropOldest() throws IOException {
            try (Stream<Path> templates = Files.list(root)) {
                List<Path> kept = templates.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().contains("."))
                        .sorted(Comparator.comparing(Template::modified).reversed()).toList();
                kept.stream().skip(KEPT).forEach(WorkDirs::deleteRecursively);
            }
        }

        private static long modified(Path dir) {
            try {
                return Files.getLastModifiedTime(dir).toMillis();
            } catch (IOException e) {
                return 0;
            }
        }

        /** Each table directory's files (its SSTables), not its {@code snapshots} or {@code backups}. */
        private static void copyTables(Path fromKeyspace, Path toKeyspace) {
            try (Stream<Path> tables = Files.list(fromKeyspace)) {
                for (Path table : tables.filter(Files::isDirectory).toList()) {
                    Path target = Files.createDirectories(toKeyspace.resolve(table.getFileName().toString()));
                    try (Stream<Path> files = Files.list(table)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the schema from " + fromKeyspace + " to " + toKeyspace, e);
            }
        }
    }
}
