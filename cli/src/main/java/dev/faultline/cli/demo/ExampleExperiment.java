package dev.faultline.cli.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example experiment of the demo and the main end-to-end test: "When the pricing service
 * becomes unreachable for 30 seconds, the storefront keeps serving cached product reads, order
 * writes return 503 with a Retry-After header, and the p99 latency of product reads stays below
 * 800 ms."
 */
public final class ExampleExperiment {

    public static final String STATEMENT = "When the pricing service becomes unreachable for 30 seconds, the storefront "
            + "keeps serving cached product reads, order writes return 503 with a Retry-After header, and the p99 "
            + "latency of product reads stays below 800 ms.";
    /** The demo's people, distinct users of deploy/users.yaml, each signed in at the stack's issuer. */
    public static final String PROPOSER = "alice";
    public static final String REVIEWER = "bob";
    public static final String APPROVER = "carol";
    public static final String OPERATOR = "dave";

    private ExampleExperiment() {
    }

    /** The {@code POST /proposals} body of the example, 30 s in STAGING; the proposer is the caller's token. */
    public static Map<String, Object> proposal() {
        return proposal("STAGING", 30, null);
    }

    /** The example with another environment, duration or traffic share (null = the template's). */
    public static Map<String, Object> proposal(String environment, int durationSeconds, Double trafficShare) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "storefront");
        body.put("faultType", "NETWORK_BLACKHOLE");
        body.put("dependency", "pricing");
        body.put("environment", environment);
        body.put("reason", "ROUTINE");
        body.put("motivation", STATEMENT);
        body.put("durationSeconds", durationSeconds);
        if (trafficShare != null) {
            body.put("trafficShare", trafficShare);
        }
        return body;
    }
}
