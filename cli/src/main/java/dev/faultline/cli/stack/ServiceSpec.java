package dev.faultline.cli.stack;

import java.util.List;

/**
 * How to run one process of the local stack as its own JVM: its name, module, main class,
 * arguments, JVM options, the URL that answers 200 once it is ready, and whether it runs under a supervisor that
 * starts it again when it dies (as the demo's pricing does, so that a killed pricing comes back). A JVM that runs
 * several services ({@link SharedServicesJvm}) lists them in {@code hosted}: it is ready once each of them is.
 */
public record ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                          String readyUrl, boolean supervised, List<ServiceSpec> hosted) {

    public ServiceSpec {
        hosted = List.copyOf(hosted);
    }

    public ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                       String readyUrl, boolean supervised) {
        this(name, module, mainClass, jvmArgs, args, readyUrl, supervised, List.of());
    }

    public ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                       String readyUrl) {
        this(name, module, mainClass, jvmArgs, args, readyUrl, false);
    }
}
