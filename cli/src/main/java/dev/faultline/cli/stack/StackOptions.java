package dev.faultline.cli.stack;

import java.util.List;
import java.util.Map;

/**
 * How to start a local stack: its ports, the heap of each service JVM, extra JVM options per
 * service (e.g. {@code "safety-service" -> ["-Dfaultline.safety.approvers=bob"]}, for each of its instances), which
 * of the five services to run (all of them unless a test wants only the devstack and the demo system), how many
 * instances of each ({@link ServiceInstances}), and whether each service instance gets a JVM of its own — by default
 * the services share one ({@link SharedServicesJvm}); a test or drill that kills one service alone needs their own.
 */
public record StackOptions(StackPorts ports, String serviceHeap, Map<String, List<String>> extraJvmArgs,
                           List<String> services, int instances, boolean jvmPerService) {

    public static StackOptions demo() {
        return new StackOptions(StackPorts.demo(), "256m", Map.of(), ServiceCatalog.SERVICES, 1, false);
    }

    public static StackOptions freePorts() {
        return new StackOptions(StackPorts.free(), "256m", Map.of(), ServiceCatalog.SERVICES, 1, false);
    }

    public StackOptions withExtraJvmArgs(Map<String, List<String>> extra) {
        return new StackOptions(ports, serviceHeap, Map.copyOf(extra), services, instances, jvmPerService);
    }

    public StackOptions withServices(List<String> names) {
        return new StackOptions(ports, serviceHeap, extraJvmArgs, List.copyOf(names), instances, jvmPerService);
    }

    /** {@code count} instances of each service (at least 1). */
    public StackOptions withInstances(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--instances must be at least 1, was " + count);
        }
        return new StackOptions(ports, serviceHeap, extraJvmArgs, services, count, jvmPerService);
    }

    /** Each service instance in a JVM of its own ({@code true}), or the services sharing one per instance number. */
    public StackOptions withJvmPerService(boolean own) {
        return new StackOptions(ports, serviceHeap, extraJvmArgs, services, instances, own);
    }

    /** Whether the service ports are picked free (the first instances' as every other port). */
    boolean picksFreePorts() {
        return ports.hypothesis() == 0;
    }
}
