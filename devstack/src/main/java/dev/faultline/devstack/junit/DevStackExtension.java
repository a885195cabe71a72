package dev.faultline.devstack.junit;

import dev.faultline.devstack.DevStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects the JVM's shared {@link DevStack} into constructors,
 * {@code @BeforeAll}/{@code @BeforeEach} methods and test methods. The stack is started once per
 * test JVM and stopped when the test run ends (the root context's store closes it), so every test
 * class in the JVM shares one Kafka, one registry and at most one Cassandra node.
 */
public final class DevStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DevStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedStackCloser.class, key -> new SharedStackCloser(), SharedStackCloser.class);
        return DevStack.shared();
    }

    /** Stops the shared stack when JUnit closes the root store at the end of the run. */
    private static final class SharedStackCloser implements AutoCloseable {
        @Override
        public void close() {
            DevStack.closeShared();
        }
    }
}
