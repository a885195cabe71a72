package dev.faultline.injector.fault;

import java.util.List;

/** What one FaultSpec becomes on the data plane: the faults to create on one proxy (L4 proxy or L7 HTTP proxy). */
public record FaultPlan(Layer layer, String proxy, List<FaultAction> actions) {

    /** Where the fault lives: a TCP proxy's toxics or an HTTP fault proxy's rules. */
    public enum Layer { L4, L7 }

    public FaultPlan {
        actions = List.copyOf(actions);
    }
}
