package dev.faultline.safety.support;

import static org.awaitility.Awaitility.await;

import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * safety-service started on the devstack for an IT: its own keyspace and group ids, a {@link TargetServer} that is
 * both the probed target and the injector's dry-run endpoint, a publisher playing hypothesis-service and other
 * tools, a tap on faultline.safety and faultline.control, and small HTTP helpers that send a token of the devstack's
 * issuer: {@value #CALLER}'s (an operator) unless another user or token is given.
 */
public final class SafetyHarness implements AutoCloseable {

    /** The user the HTTP helpers sign in as by default: an operator (halts, preflight reruns, reads). */
    public static final String CALLER = "dave";

    public static final String PRODUCTION = "faultline.safety.environments.production.";

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final TargetServer target = new TargetServer();
    /** The service's signing key, this harness's own: the public half verifies what it clears. */
    public final ClearanceKeyPair keys = ClearanceKeyPair.generate("safety-it");
    public ApplicationContext context;
    public final EventPublisher publisher;
    public final EventTap tap;
    private final DevStack stack;
    private final Map<String, Object> props;
    private String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public SafetyHarness(DevStack stack, Map<String, Object> extra) {
        this(stack, extra, harness -> { });
    }

    /** @param beforeStart what other tools publish while the service is not running yet (its backlog at start) */
    public SafetyHarness(DevStack stack, Map<String, Object> extra, Consumer<SafetyHarness> beforeStart) {
        this.stack = stack;
        this.props = ServiceProperties.forDevStack(stack, "safety_it_" + run);
        // the ITs run production experiments at any hour, with no on-call rotation unless they publish one
        props.put(PRODUCTION + "allowed-days", "MON-SUN");
        props.put(PRODUCTION + "allowed-from", "00:00");
        props.put(PRODUCTION + "allowed-to", "24:00");
        props.put(PRODUCTION + "on-call-required", false);
        props.putAll(extra);
        props.put("faultline.safety.group-id", "safety-it-" + run);
        props.put("faultline.services.injector-url", target.url(""));
        props.put("faultline.safety.baseline.samples", 3);
        props.put("faultline.clearance.key-id", keys.keyId());
        props.put("faultline.clearance.signing-key", keys.privateKeyBase64());
        props.put("faultline.security.client-id", "safety-service");
        props.put("faultline.security.client-secret", stack.issuer().clientSecret("safety-service"));
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "safety-it"));
        tap = new EventTap(stack, List.of(Topics.SAFETY, Topics.CONTROL));
        beforeStart.accept(this);
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        baseUrl = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** Another instance of the service: the same keyspace and consumer groups (the partitions split), its own port. */
    public Instance anotherInstance() {
        ApplicationContext other = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        return new Instance(other, "http://127.0.0.1:" + other.getBean(EmbeddedServer.class).getPort());
    }

    /** A second instance started by {@link #anotherInstance()}; closing it stops it. */
    public record Instance(ApplicationContext context, String baseUrl) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    /** Stops the service and starts it again with its keyspace and in the same consumer groups: a restart. */
    public void restart() {
        context.close();
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        baseUrl = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** Stops the service, drops its keyspace and starts it again in the same consumer groups: a rebuild. */
    public void restartWithoutItsKeyspace() {
        context.close();
        Keyspaces.drop(stack, "safety_it_" + run);
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        baseUrl = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** Plays hypothesis-service: revision 1 drafted for proposer {@code alice}, then approved in review. */
    public void propose(String id, String service, Environment env, double share) {
        propose(id, hypothesis(service, env, share));
    }

    /** As {@link #propose(String, String, Environment, double)}, for a proposal that asked for a window. */
    public void proposeIn(String id, String service, Environment env, Instant start, Instant end) {
        Hypothesis h = hypothesis(service, env, 0.5);
        h.setRequestedStart(start);
        h.setRequestedEnd(end);
        propose(id, h);
    }

    private void propose(String id, Hypothesis hypothesis) {
        revise(id, 1, hypothesis);
    }

    /** Plays hypothesis-service: {@code revision} of {@code id} drafted for {@code alice}, then approved in review. */
    public void revise(String id, int revision, Hypothesis hypothesis) {
        Clock clock = Clock.systemUTC();
        EventHeader header = EventHeaders.first(id, Actors.person("alice"), clock);
        header.setTraceparent("00-" + traceIdOf(id) + "-00f067aa0ba902b7-01");
        HypothesisDrafted drafted = HypothesisDrafted.newBuilder()
                .setHeader(header).setRevision(revision)
                .setHypothesis(hypothesis).setChangeSummary(null).build();
        publisher.publish(drafted);
        publisher.publish(PlanApproved.newBuilder().setHeader(EventHeaders.answering(drafted.getHeader(),
                Actors.service("hypothesis-service"), clock)).setRevision(revision)
                .setReviewers(List.of(Actors.person("bob"))).build());
    }

    /** Plays analysis-service: a verdict on a staging experiment that ran {@code faultType} on {@code service}. */
    public void verdictInStaging(String experimentId, String service, FaultType faultType, VerdictOutcome outcome) {
        publisher.publish(VerdictIssued.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("analysis-service"), Clock.systemUTC()))
                .setRevision(1).setService(service).setFaultType(faultType).setEnvironment(Environment.STAGING)
                .setOutcome(outcome).setSampleCount(100).setSummary("judged in staging").build());
    }

    /** The trace id the experiment's events carry from its first draft on (as hypothesis-service's would). */
    public static String traceIdOf(String experimentId) {
        return UUID.nameUUIDFromBytes(experimentId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /** The example experiment's hypothesis, probing the harness's target. */
    public Hypothesis hypothesis(String service, Environment env, double share) {
        FaultSpec scenario = FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_BLACKHOLE)
                .setTarget(FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService(service)
                        .setDependency("pricing").build())
                .setToxicity(share).setDurationMillis(30_000).build();
        ProbeSpec reads = ProbeSpec.newBuilder().setProbeId("product-reads").setKind(ProbeKind.HTTP)
                .setTarget(target.url("/products/sku-1")).setMethod("GET").setIntervalMillis(200).setTimeoutMillis(3000)
                .setComponent(service).build();
        ProbeSpec orders = ProbeSpec.newBuilder().setProbeId("order-writes").setKind(ProbeKind.HTTP)
                .setTarget(target.url("/orders")).setMethod("POST").setIntervalMillis(500).setTimeoutMillis(3000)
                .setRequestHeaders(Map.of("content-type", "application/json"))
                .setBody("{\"productId\":\"sku-1\",\"quantity\":1}")
                .setComponent(service).build();
        return Hypothesis.newBuilder().setTitle("pricing unreachable").setService(service).setScenario(scenario)
                .setProbes(List.of(reads, orders))
                .setBlastRadius(BlastRadius.newBuilder().setEnvironment(env).setTargets(List.of(service + "->pricing"))
                        .setDownstream(List.of(service)).setTrafficShare(share).build())
                .build();
    }

    /** {@code approver} (a user of the issuer's users file) decides on {@code id}. */
    public HttpResponse<String> approve(String id, String approver, String decision) {
        return approveWith(token(approver), id, decision);
    }

    /**
     * As {@link #approve}, just after {@link #propose}: safety-service reads the approved plan from the topic
     * asynchronously, so an answer 404 (no such plan yet) is asked again until the plan is known.
     */
    public HttpResponse<String> approveOnceRead(String id, String approver, String decision) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> approve(id, approver, decision), answer -> answer.statusCode() != 404);
    }

    /** Decides on {@code id} with any token (null: none). */
    public HttpResponse<String> approveWith(String token, String id, String decision) {
        return post(token, "/experiments/" + id + "/approvals", "{\"decision\":\"" + decision + "\"}");
    }

    public DevStack stack() {
        return stack;
    }

    /** A token of the devstack's issuer for a user of its users file. */
    public String token(String user) {
        return stack.issuer().token(user);
    }

    public HttpResponse<String> get(String path) {
        return get(token(CALLER), path);
    }

    public HttpResponse<String> get(String token, String path) {
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return post(token(CALLER), path, json);
    }

    public HttpResponse<String> post(String token, String path, String json) {
        return post(baseUrl, token, path, json);
    }

    /** A POST as {@link #CALLER} to {@code instance} rather than the first instance. */
    public HttpResponse<String> postTo(Instance instance, String path, String json) {
        return post(instance.baseUrl(), token(CALLER), path, json);
    }

    private HttpResponse<String> post(String base, String token, String path, String json) {
        return send(token, HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(token(CALLER), HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        tap.close();
        publisher.close();
        context.close();
        target.close();
    }
}
