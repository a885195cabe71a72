package dev.faultline.devstack.kafka;

import java.util.List;

/**
 * The Kafka principals of the devstack: one per service, one for outside tools, one for auditors, the demo shop's,
 * the schema registry's, and two super users (the broker itself and the stack's administrator, which creates the
 * others and their ACLs). Each authenticates with SASL/SCRAM-SHA-256 under its {@link #username()}, with a password
 * generated per stack ({@link KafkaCredentials}); what each may do is {@link KafkaAccess}.
 */
public enum KafkaPrincipal {
    /** The broker (inter-broker and controller connections). Super user. */
    BROKER("broker"),
    /** The stack's administrator: creates principals, ACLs and topics; tests' fixtures use it. Super user. */
    ADMIN("faultline-admin"),
    /** The schema registry's store (its compacted topic). */
    SCHEMA_REGISTRY("schema-registry"),
    HYPOTHESIS_SERVICE("hypothesis-service"),
    SAFETY_SERVICE("safety-service"),
    INJECTOR_SERVICE("injector-service"),
    ANALYSIS_SERVICE("analysis-service"),
    CATALOG_SERVICE("catalog-service"),
    /** Outside tools and the CLI's proposals: write proposals, calendar and incidents; read verdicts and the catalog. */
    TOOL("faultline-tool"),
    /** Read-only access to every Faultline topic ({@code faultline watch}, replays). */
    AUDITOR("faultline-auditor"),
    /** The demo shop (storefront, fulfilment): its own {@code demo.*} topics only. */
    DEMO_SHOP("demo-shop");

    private final String username;

    KafkaPrincipal(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }

    /** Kafka's principal string, {@code User:<username>}. */
    public String principal() {
        return "User:" + username;
    }

    /** The five services, in workflow order. */
    public static List<KafkaPrincipal> services() {
        return List.of(HYPOTHESIS_SERVICE, SAFETY_SERVICE, INJECTOR_SERVICE, ANALYSIS_SERVICE, CATALOG_SERVICE);
    }
}
