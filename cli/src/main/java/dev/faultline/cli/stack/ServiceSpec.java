package dev.faultline.cli.stack;

import java.util.List;

/**
 * How to run one process of the local stack as its own JVM: its name, module, main class,
 * arguments, JVM options, the URL that answers 200 once it is ready, and whether it runs under a supervisor that
 * starts it again when it dies (as the demo's pricing does, so that a killed pricing comes back).
 */
public record ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                          String readyUrl, boolean supervised) {

    public ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                       String readyUrl) {
        this(name, module, mainClass, jvmArgs, args, readyUrl, false);
    }
}
