package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.process.ClassDataArchives;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class-data sharing starts every JVM of the stack with its release jars first (devstack {@code ClassDataArchives}):
 * none of them may load another copy of a class or resource for it. Against the built modules (hence an IT).
 */
class ClassDataOrderIT {

    private static final List<String> SERVICE_MODULES = List.of("hypothesis-service", "safety-service",
            "injector-service/controller", "analysis-service", "catalog-service", "console-service");

    private final RepoLayout repo = RepoLayout.locate();

    @Test
    void shouldLoadTheSameClassesAndResourcesInTheSharedServicesJvm() {
        assertThat(ClassDataArchives.shadowedByReordering(repo.classpath(SERVICE_MODULES))).isEmpty();
    }

    @Test
    void shouldLoadTheSameClassesAndResourcesInEachServicesOwnJvm() {
        for (String module : SERVICE_MODULES) {
            assertThat(ClassDataArchives.shadowedByReordering(repo.classpath(module))).as(module).isEmpty();
        }
    }

    @Test
    void shouldLoadTheSameClassesAndResourcesInTheSystemsUnderTestTheDataPlaneAndTheCliWithKafka() {
        for (String classpath : List.of(repo.classpath("demo-target"), repo.dataplaneClasspath(), repo.classpath("cli"))) {
            assertThat(ClassDataArchives.shadowedByReordering(classpath)).as(classpath).isEmpty();
        }
    }
}
