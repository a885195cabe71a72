package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.process.ClassDataArchives;
import org.junit.jupiter.api.Test;

class CassandraClasspathTest {

    @Test
    void shouldLoadTheSameClassesAndResourcesWithItsReleaseJarsFirst() {
        // what ChildJvm does for class-data sharing: the node must not load another copy of anything for it
        assertThat(ClassDataArchives.shadowedByReordering(CassandraClasspath.resolve())).isEmpty();
    }
}
