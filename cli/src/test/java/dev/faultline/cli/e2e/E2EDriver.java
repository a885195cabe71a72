package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.demo.ExampleExperiment;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.Retry;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.login.IssuerClient;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightPassed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end-to-end suite's hands: proposes, reviews and approves over the services' HTTP APIs — each as its own user
 * of deploy/users.yaml, signed in at the stack's token issuer —, pokes the storefront, runs CLI commands.
 */
final class E2EDriver {

    static final Duration DRAFTING = Duration.ofSeconds(30);
    static final Duration SHORT_RUN = Duration.ofSeconds(120);
    /** The user of deploy/users.yaml who administers targets and failure modes. */
    static final String ADMIN = "admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalStack stack;
    private final Endpoints services;
    private final IssuerClient issuer;
    private final Map<String, Endpoints> signedIn = new java.util.concurrent.ConcurrentHashMap<>();
    private final EventLog events;

    E2EDriver(LocalStack stack, EventLog events) {
        this.stack = stack;
        this.services = stack.endpoints().services();
        this.issuer = new IssuerClient(stack.endpoints().issuerUrl());
        this.events = events;
    }

    /** The services, called as {@code user} (signed in once). */
    Endpoints as(String user) {
        return signedIn.computeIfAbsent(user, name -> services.withToken(issuer.signIn(name).token()));
    }

    /** A token of {@code user}. */
    String token(String user) {
        return as(user).token();
    }

    String propose(Map<String, Object> proposal) {
        String id = as(ExampleExperiment.PROPOSER).hypothesisService().post("/proposals", proposal).path("experimentId").asText();
        assertThat(id).isNotBlank();
        awaitDraft(id);
        return id;
    }

    /**
     * Waits for the draft on the topic and then, as the CLI's demo does, until hypothesis-service serves it: the
     * service publishes the draft before it has stored it, and until then answers a review with 404 "no experiment"
     * (seen under load, with 20 experiments in flight).
     */
    private void awaitDraft(String id) {
        events.next(id, HypothesisDrafted.class, DRAFTING);
        Retry.whileNotReady(() -> as(ExampleExperiment.PROPOSER).hypothesisService().get("/experiments/" + id
                + "/hypothesis"), DRAFTING);
    }

    /**
     * Proposes as soon as hypothesis-service knows the proposal's target and template: a target or template just
     * published on its topic is not drafted on until the service has read it, and until then the proposal is
     * refused with 422 (and nothing published), so a 422 is asked again.
     */
    String proposeOnceDeclared(Map<String, Object> proposal) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(DRAFTING).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(e -> e instanceof ServiceCallException refused && refused.status() == 422)
                .until(() -> {
                    id.set(as(ExampleExperiment.PROPOSER).hypothesisService().post("/proposals", proposal).path("experimentId").asText());
                    return true;
                });
        assertThat(id.get()).isNotBlank();
        awaitDraft(id.get());
        return id.get();
    }

    void accept(String id, String reviewer) {
        as(reviewer).hypothesisService().post("/experiments/" + id + "/reviews", Map.of("decision", "ACCEPT"));
    }

    /**
     * Accepts the plan and, when safety's policy blocks it only for want of an approval (its staging
     * policy asks for one above a traffic share of 0.5), has the approver approve it.
     */
    void acceptAndClear(String id) {
        accept(id, ExampleExperiment.REVIEWER);
        await().atMost(SHORT_RUN).until(() -> events.find(id, PreflightPassed.class, any -> true).isPresent()
                || events.find(id, PreflightBlocked.class, any -> true).isPresent());
        Optional<PreflightBlocked> blocked = events.find(id, PreflightBlocked.class, any -> true);
        if (blocked.isPresent() && events.find(id, PreflightPassed.class, any -> true).isEmpty()) {
            assertThat(blocked.get().getChecks()).filteredOn(check -> check.getOutcome() == CheckOutcome.FAILED)
                    .extracting(check -> check.getKind()).containsOnly(PreflightCheckKind.APPROVAL);
            approve(id, ExampleExperiment.APPROVER);
            events.next(id, PreflightPassed.class, SHORT_RUN);
        }
    }

    void approve(String id, String approver) {
        as(approver).safetyService().post("/experiments/" + id + "/approvals", Map.of("decision", "APPROVED",
                "comment", "e2e"));
    }

    void storefrontCache(boolean enabled) throws Exception {
        assertThat(storefront("POST", "/admin/cache", "{\"enabled\":" + enabled + "}").statusCode()).isEqualTo(200);
    }

    /** The value of {@code series} (e.g. {@code fulfilment_orders_total{outcome="processed"}}) on fulfilment's /metrics. */
    double fulfilmentMetric(String series) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(stack.endpoints().fulfilmentUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError("no series " + series + " on fulfilment's /metrics"));
    }

    HttpResponse<String> storefront(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.endpoints().storefrontUrl() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The statuses of {@code count} orders placed on {@code threads} threads at once, counted by status code. */
    Map<Integer, Integer> placeOrders(int count, int threads) throws Exception {
        java.util.concurrent.ConcurrentHashMap<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        int status = storefront("POST", "/orders", "{\"productId\":\"sku-4\",\"quantity\":1}").statusCode();
                        statuses.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return Map.copyOf(statuses);
    }

    /**
     * The value of one series of the storefront's {@code /metrics} (Prometheus text), named exactly as exposed, e.g.
     * {@code storefront_pricing_errors_total{kind="status"}}; 0 when the series has not appeared yet.
     */
    double storefrontMetric(String series) throws Exception {
        HttpResponse<String> metrics = storefront("GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .findFirst().orElse(0.0);
    }

    /**
     * Runs a CLI command of hypothesis-service's admin API (targets apply, failure-modes add) against this stack as
     * its admin; returns what it printed.
     */
    String cliAsAdmin(String... tokens) {
        return cliAs(ADMIN, tokens);
    }

    String cli(String... tokens) {
        return cliAs(ExampleExperiment.OPERATOR, tokens);
    }

    private String cliAs(String user, String... tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> line = new java.util.ArrayList<>(List.of(tokens));
        line.addAll(List.of("--hypothesis-url", services.hypothesis(), "--catalog-url", services.catalog(),
                "--analysis-url", services.analysis(), "--token", token(user)));
        int code = FaultlineCli.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
