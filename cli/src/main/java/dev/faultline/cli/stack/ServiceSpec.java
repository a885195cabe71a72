package dev.faultline.cli.stack;

import java.util.List;

/**
 * How to run one process of the local stack as its own JVM: its name, module, main class,
 * arguments, JVM options, and the URL that answers 200 once it is ready.
 */
public record ServiceSpec(String name, String module, String mainClass, List<String> jvmArgs, List<String> args,
                          String readyUrl) {
}
