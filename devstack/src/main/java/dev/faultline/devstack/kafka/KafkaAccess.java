package dev.faultline.devstack.kafka;

import static dev.faultline.devstack.kafka.KafkaPrincipal.ANALYSIS_SERVICE;
import static dev.faultline.devstack.kafka.KafkaPrincipal.AUDITOR;
import static dev.faultline.devstack.kafka.KafkaPrincipal.CATALOG_SERVICE;
import static dev.faultline.devstack.kafka.KafkaPrincipal.DEMO_SHOP;
import static dev.faultline.devstack.kafka.KafkaPrincipal.HYPOTHESIS_SERVICE;
import static dev.faultline.devstack.kafka.KafkaPrincipal.INJECTOR_SERVICE;
import static dev.faultline.devstack.kafka.KafkaPrincipal.SAFETY_SERVICE;
import static dev.faultline.devstack.kafka.KafkaPrincipal.SCHEMA_REGISTRY;
import static dev.faultline.devstack.kafka.KafkaPrincipal.TOOL;

import dev.faultline.devstack.registry.SchemaRegistryServer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The devstack's ACLs: each Faultline topic has exactly the writer the architecture names (WRITE), each service reads
 * the topics it consumes (READ), outside tools may write (and create) proposals, calendar and incidents and read
 * verdicts, the catalog, the calendar and the follow-up queue, auditors read everything. The broker denies whatever no ACL allows
 * ({@code allow.everyone.if.no.acl.found=false}).
 *
 * <p>The topic names are spelled here because the devstack sits below the contract module ({@code schemas} depends
 * on it for its tests); {@code TopicWritersIT} in {@code schemas} checks this table against {@code Topics}' writers,
 * so the two cannot drift apart. Shared by every service: WRITE on the dead-letter topic; DESCRIBE and CREATE on
 * {@code faultline.*} (each service creates the catalogue's missing topics at start, which is not writing them);
 * READ on the consumer groups named after it ({@code <service>…}, the default {@code faultline.<service>.group-id}
 * and its suffixed groups; catalog-service's Streams application id). Groups are per principal because a principal
 * that may read a topic could otherwise join another's group on it and move its offsets (the injector's halts).
 */
public final class KafkaAccess {

    public static final String PROPOSALS = "faultline.proposals";
    public static final String HYPOTHESES = "faultline.hypotheses";
    public static final String SAFETY = "faultline.safety";
    public static final String INJECTIONS = "faultline.injections";
    public static final String EVIDENCE = "faultline.evidence";
    public static final String VERDICTS = "faultline.verdicts";
    public static final String CATALOG = "faultline.catalog";
    public static final String CONTROL = "faultline.control";
    public static final String CALENDAR = "faultline.calendar";
    public static final String INCIDENTS = "faultline.incidents";
    public static final String TARGETS = "faultline.targets";
    public static final String FAILURE_MODES = "faultline.failure-modes";
    public static final String FOLLOWUPS = "faultline.followups";
    public static final String DEAD_LETTERS = "faultline.dlq";
    /** Every Faultline topic starts with this. */
    public static final String FAULTLINE_PREFIX = "faultline.";
    /**
     * catalog-service's Kafka Streams application id ({@code faultline.catalog.application-id}): the prefix of its
     * internal topics, consumer group and transactional ids ({@code exactly_once_v2}).
     */
    public static final String CATALOG_APPLICATION_ID = "faultline-catalog";
    /**
     * The demo shop's topics: the only target topics on the devstack's Kafka, so the injector's malformed-record
     * fault may write and scan them (a deployment grants it the topics its targets declare).
     */
    public static final String DEMO_PREFIX = "demo.";
    /** The CLI's throwaway groups ({@code faultline watch}: {@code faultline-cli-watch-<uuid>}). */
    static final String CLI_GROUPS = "faultline-cli-";
    /** The demo shop's groups: fulfilment's ({@code fulfilment}, and {@code fulfilment-it-…} in its tests). */
    static final String DEMO_SHOP_GROUPS = "fulfilment";
    /** The schema registry's compacted store. */
    public static final String SCHEMA_REGISTRY_TOPIC = SchemaRegistryServer.TOPIC;

    private KafkaAccess() {
    }

    /** Every ACL of the devstack (super users need none). */
    public static List<AclBinding> bindings() {
        Acls acls = new Acls();
        acls.write(HYPOTHESIS_SERVICE, PROPOSALS, HYPOTHESES, TARGETS, FAILURE_MODES)
                .read(HYPOTHESIS_SERVICE, PROPOSALS, HYPOTHESES, CATALOG, INCIDENTS, TARGETS, FAILURE_MODES, FOLLOWUPS);
        acls.write(SAFETY_SERVICE, SAFETY, CONTROL)
                .read(SAFETY_SERVICE, PROPOSALS, HYPOTHESES, SAFETY, INJECTIONS, VERDICTS, CONTROL, CALENDAR, INCIDENTS,
                        TARGETS);
        acls.write(INJECTOR_SERVICE, INJECTIONS, EVIDENCE)
                .read(INJECTOR_SERVICE, HYPOTHESES, SAFETY, CONTROL, INJECTIONS, TARGETS)
                .prefixed(INJECTOR_SERVICE, DEMO_PREFIX, AclOperation.WRITE, AclOperation.READ);
        acls.write(ANALYSIS_SERVICE, VERDICTS, FOLLOWUPS)
                .read(ANALYSIS_SERVICE, HYPOTHESES, SAFETY, INJECTIONS, EVIDENCE, VERDICTS, TARGETS, FOLLOWUPS);
        acls.write(CATALOG_SERVICE, CATALOG)
                .read(CATALOG_SERVICE, PROPOSALS, HYPOTHESES, SAFETY, INJECTIONS, EVIDENCE, VERDICTS, CATALOG, CALENDAR,
                        TARGETS, FAILURE_MODES)
                .prefixed(CATALOG_SERVICE, CATALOG_APPLICATION_ID, AclOperation.ALL)
                .transactionalIds(CATALOG_SERVICE, CATALOG_APPLICATION_ID)
                .groups(CATALOG_SERVICE, CATALOG_APPLICATION_ID);
        for (KafkaPrincipal service : KafkaPrincipal.services()) {
            acls.write(service, DEAD_LETTERS)
                    .prefixed(service, FAULTLINE_PREFIX, AclOperation.DESCRIBE, AclOperation.CREATE)
                    .groups(service, service.username());
        }
        // an outside tool reads back the calendar it keeps (cancelling an entry republishes it), and may create the
        // topics it writes when no service has yet (with the catalogue's definition, as `faultline calendar` does)
        acls.write(TOOL, PROPOSALS, CALENDAR, INCIDENTS).read(TOOL, VERDICTS, CATALOG, CALENDAR, FOLLOWUPS)
                .groups(TOOL, TOOL.username(), CLI_GROUPS);
        for (String topic : List.of(PROPOSALS, CALENDAR, INCIDENTS)) {
            acls.literal(TOOL, ResourceType.TOPIC, topic, AclOperation.CREATE);
        }
        acls.prefixed(AUDITOR, FAULTLINE_PREFIX, AclOperation.READ, AclOperation.DESCRIBE)
                .groups(AUDITOR, AUDITOR.username(), CLI_GROUPS);
        acls.prefixed(DEMO_SHOP, DEMO_PREFIX, AclOperation.ALL).groups(DEMO_SHOP, DEMO_SHOP_GROUPS);
        acls.literal(SCHEMA_REGISTRY, ResourceType.TOPIC, SCHEMA_REGISTRY_TOPIC, AclOperation.ALL);
        return acls.bindings;
    }

    /** Collects ALLOW bindings for principals on any host. */
    private static final class Acls {
        private final List<AclBinding> bindings = new ArrayList<>();

        Acls write(KafkaPrincipal principal, String... topics) {
            for (String topic : topics) {
                literal(principal, ResourceType.TOPIC, topic, AclOperation.WRITE);
            }
            return this;
        }

        Acls read(KafkaPrincipal principal, String... topics) {
            for (String topic : topics) {
                literal(principal, ResourceType.TOPIC, topic, AclOperation.READ);
            }
            return this;
        }

        Acls prefixed(KafkaPrincipal principal, String prefix, AclOperation... operations) {
            for (AclOperation operation : operations) {
                add(principal, new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), operation);
            }
            return this;
        }

        Acls transactionalIds(KafkaPrincipal principal, String prefix) {
            ResourcePattern ids = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED);
            add(principal, ids, AclOperation.WRITE);
            add(principal, ids, AclOperation.DESCRIBE);
            return this;
        }

        /** READ (join, commit) on the consumer groups whose names start with one of {@code prefixes}. */
        Acls groups(KafkaPrincipal principal, String... prefixes) {
            for (String prefix : prefixes) {
                add(principal, new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), AclOperation.READ);
            }
            return this;
        }

        Acls literal(KafkaPrincipal principal, ResourceType type, String name, AclOperation operation) {
            add(principal, new ResourcePattern(type, name, PatternType.LITERAL), operation);
            return this;
        }

        private void add(KafkaPrincipal principal, ResourcePattern pattern, AclOperation operation) {
            bindings.add(new AclBinding(pattern,
                    new AccessControlEntry(principal.principal(), "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
