package dev.faultline.agent.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.agent.lease.LeaseTerms;
import dev.faultline.clearance.ClearanceClaims;
import java.util.regex.Pattern;

/**
 * A request to put a fault in force: its name (unique among the faults in force), its kind,
 * the lease it is held under, its kind's attributes (JSON, read by the kind) and the clearance of
 * the run it belongs to (null when the request carried none: refused).
 */
public record FaultOrder(String name, String kind, LeaseTerms lease, JsonNode attributes, ClearanceClaims clearance) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public FaultOrder {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FaultRefused.Invalid("'name' must be 1 to 64 of A-Z a-z 0-9 . _ -, was " + (name == null ? "missing" : "'" + name + "'"));
        }
    }
}
