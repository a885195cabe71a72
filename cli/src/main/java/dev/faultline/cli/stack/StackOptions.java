package dev.faultline.cli.stack;

import java.util.List;
import java.util.Map;

/**
 * How to start a local stack: its ports, the heap of each service JVM, extra JVM options per
 * process name (e.g. {@code "safety-service" -> ["-Dfaultline.safety.approvers=bob"]}), and which
 * of the five services to run (all of them unless a test wants only the devstack and the demo system).
 */
public record StackOptions(StackPorts ports, String serviceHeap, Map<String, List<String>> extraJvmArgs,
                           List<String> services) {

    public static StackOptions demo() {
        return new StackOptions(StackPorts.demo(), "256m", Map.of(), ServiceCatalog.SERVICES);
    }

    public static StackOptions freePorts() {
        return new StackOptions(StackPorts.free(), "256m", Map.of(), ServiceCatalog.SERVICES);
    }

    public StackOptions withExtraJvmArgs(Map<String, List<String>> extra) {
        return new StackOptions(ports, serviceHeap, Map.copyOf(extra), services);
    }

    public StackOptions withServices(List<String> names) {
        return new StackOptions(ports, serviceHeap, extraJvmArgs, List.copyOf(names));
    }
}
