package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.process.ClassDataArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class CassandraClasspathTest {

    @Test
    void shouldLoadTheSameClassesAndResourcesWithItsReleaseJarsFirst() {
        // what ChildJvm does for class-data sharing: the node must not load another copy of anything for it
        assertThat(ClassDataArchives.shadowedByReordering(CassandraClasspath.resolve())).isEmpty();
    }

    @Test
    void shouldPutTheNodesOwnMBeanWrapperOnItsClasspath() throws Exception {
        Path location = Path.of(CassandraClasspath.ownLocation());
        String classFile = CassandraClasspath.UNREGISTERED_MBEANS.replace('.', '/') + ".class";

        if (Files.isDirectory(location)) {
            assertThat(location.resolve(classFile)).isRegularFile();
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                assertThat(jar.getEntry(classFile)).as(location + " holds " + classFile).isNotNull();
            }
        }
    }
}
