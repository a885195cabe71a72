package dev.faultline.cli.stack;

import java.util.List;
import java.util.Map;

/**
 * How to start a local stack: its ports, the heap of each service JVM, extra JVM options per
 * service (e.g. {@code "safety-service" -> ["-Dfaultline.safety.approvers=bob"]}, for each of its instances), which
 * of the five services to run (all of them unless a test wants only the devstack and the demo system), and how many
 * instances of each ({@link ServiceInstances}).
 */
public record StackOptions(StackPorts ports, String serviceHeap, Map<String, List<String>> extraJvmArgs,
                           List<String> services, int instances) {

    public static StackOptions demo() {
        return new StackOptions(StackPorts.demo(), "256m", Map.of(), ServiceCatalog.SERVICES, 1);
    }

    public static StackOptions freePorts() {
        return new StackOptions(StackPorts.free(), "256m", Map.of(), ServiceCatalog.SERVICES, 1);
    }

    public StackOptions withExtraJvmArgs(Map<String, List<String>> extra) {
        return new StackOptions(ports, serviceHeap, Map.copyOf(extra), services, instances);
    }

    public StackOptions withServices(List<String> names) {
        return new StackOptions(ports, serviceHeap, extraJvmArgs, List.copyOf(names), instances);
    }

    /** {@code count} instances of each service (at least 1). */
    public StackOptions withInstances(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--instances must be at least 1, was " + count);
        }
        return new StackOptions(ports, serviceHeap, extraJvmArgs, services, count);
    }

    /** Whether the service ports are picked free (the first instances' as every other port). */
    boolean picksFreePorts() {
        return ports.hypothesis() == 0;
    }
}
