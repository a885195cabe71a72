package dev.faultline.cli.stack;

import dev.faultline.devstack.support.FreePorts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many instances of each service the local stack runs, and their ports: instance 1 on the service's own port (what
 * the CLI's commands and the other services call), instance k on its port + 10 × (k − 1) with the demo ports
 * (8111–8116 for the second), or on free ports. Instance 1 is named after its service, instance k
 * {@code <service>-k}.
 */
public record ServiceInstances(int count, Map<String, List<Integer>> ports) {

    /** Between a service's port and the same port of its next instance, with the demo ports. */
    static final int PORT_STEP = 10;

    public ServiceInstances {
        if (count < 1) {
            throw new IllegalArgumentException("at least one instance of each service, not " + count);
        }
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports)); // in start order
    }

    /** One instance of each service, on its port. */
    public static ServiceInstances one(StackPorts ports) {
        return of(ports, 1, false);
    }

    /**
     * {@code count} instances of each service: the first on its port in {@code ports}, the others on free ports when
     * {@code freePorts}, else on the first's port + 10 × (k − 1) (which must be free).
     */
    public static ServiceInstances of(StackPorts ports, int count, boolean freePorts) {
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("hypothesis-service", ports.hypothesis());
        first.put("safety-service", ports.safety());
        first.put("injector-service", ports.injector());
        first.put("analysis-service", ports.analysis());
        first.put("catalog-service", ports.catalog());
        first.put("console-service", ports.console());
        Map<String, List<Integer>> all = new LinkedHashMap<>();
        first.forEach((service, port) -> {
            List<Integer> instances = new ArrayList<>(List.of(port));
            for (int k = 2; k <= count; k++) {
                int next = freePorts ? FreePorts.next() : port + PORT_STEP * (k - 1);
                if (!freePorts) {
                    FreePorts.requireFree(next, service + " instance " + k
                            + " (stop what uses it, e.g. an earlier `faultline stack`)");
                }
                instances.add(next);
            }
            all.put(service, instances);
        });
        return new ServiceInstances(count, all);
    }

    /** The ports of {@code service}'s instances, instance 1's first. */
    public List<Integer> of(String service) {
        List<Integer> instances = ports.get(service);
        if (instances == null) {
            throw new IllegalArgumentException("no service named " + service + "; known: " + ports.keySet());
        }
        return instances;
    }

    /** The process name of {@code service}'s instance {@code k} (from 1). */
    public static String name(String service, int k) {
        return k == 1 ? service : service + "-" + k;
    }

    /** Whether a process of the stack is not a second or later instance of a service ({@link #name}). */
    public static boolean isFirst(String process) {
        return serviceOf(process).equals(process);
    }

    /** The service a process of the stack ({@link #name}) is an instance of, or the name itself. */
    public static String serviceOf(String process) {
        int dash = process.lastIndexOf('-');
        if (dash > 0 && process.substring(dash + 1).chars().allMatch(Character::isDigit)
                && ServiceCatalog.SERVICES.contains(process.substring(0, dash))) {
            return process.substring(0, dash);
        }
        return process;
    }
}
