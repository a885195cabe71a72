package dev.faultline.hypothesis.support;

import static org.awaitility.Awaitility.await;

import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.devstack.DevStack;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Starts hypothesis-service's context on the devstack, and builds the proposals tests publish. */
public final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    /** The service on a random port, with its own keyspace and consumer group. */
    public static ApplicationContext start(DevStack stack, String keyspace, String groupId) {
        return start(stack, keyspace, groupId, Map.of());
    }

    /** As {@link #start(DevStack, String, String)}, with more settings. */
    public static ApplicationContext start(DevStack stack, String keyspace, String groupId, Map<String, Object> extra) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, keyspace);
        props.put("faultline.hypothesis.group-id", groupId);
        props.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
    }

    public static String baseUrl(ApplicationContext context) {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /**
     * Waits until the service lists {@code service} among its targets ({@code GET /targets}): a proposal read before
     * its target's declaration is rejected (unknown service), so a test that publishes both waits in between.
     */
    public static void awaitTarget(ApplicationContext context, DevStack stack, String service) {
        Http http = new Http(baseUrl(context), stack.issuer().token("erin"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/targets").body().contains("\"service\":\"" + service + "\""));
    }

    /** A staging proposal by demo-user on the storefront's link to pricing, for half the traffic, 30 s. */
    public static ExperimentProposed proposal(String id, String service, FaultType type, String motivation) {
        return ExperimentProposed.newBuilder()
                .setHeader(EventHeaders.first(id, Actors.person("demo-user"), Clock.systemUTC()))
                .setService(service).setFaultType(type).setDependency("pricing").setEnvironment(Environment.STAGING)
                .setReason(ProposalReason.ROUTINE).setMotivation(motivation).setIncidentId(null)
                .setRequestedDurationMillis(30_000L).setLabels(Map.of("trafficShare", "0.5")).build();
    }
}
