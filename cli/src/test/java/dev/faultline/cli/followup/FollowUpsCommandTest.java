package dev.faultline.cli.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.cli.FaultlineCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code faultline follow-ups} as a client of analysis-service's follow-up API and hypothesis-service's proposals (one
 * JDK HTTP server stands in for both; the services' side is tested in FollowUpQueueIT and FixReverifyIT): the filters
 * become the query, a triage step the transition body, and a RERUN follow-up a proposal naming it, then accepted.
 */
class FollowUpsCommandTest {

    private static final String ID = "4f1c1d38-4a30-3b8e-9d2c-0f3c0c1b2a11";
    private static final String RERUN = """
            {"followUpId":"%s","experimentId":"exp-7","injectionId":null,"predictionId":"reads-p99","kind":"%s",
             "description":"reads-p99: 12 of 50 required samples; rerun with a longer window","service":"storefront",
             "faultType":"NETWORK_LATENCY","environment":"STAGING","state":"OPEN","assignee":"team-shop",
             "openedAt":"2026-12-05T12:00:00Z","updatedAt":"2026-12-05T12:00:00Z","history":[]}""";

    private record Received(String method, String path, String query, String body) {
    }

    private final List<Received> received = new ArrayList<>();
    private final Map<String, String> answers = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String answer = answers.getOrDefault(key, "404 {\"status\":404,\"error\":\"nothing at " + key + "\"}");
            byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, 3)), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... tokens) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> line = new ArrayList<>(List.of(tokens));
        line.addAll(List.of("--analysis-url", url, "--hypothesis-url", url, "--token", "a.b.c"));
        return FaultlineCli.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldListWithTheFiltersAsTheQuery() {
        answers.put("GET /follow-ups", "200 [" + RERUN.formatted(ID, "RERUN") + "]");

        assertThat(run("follow-ups", "list", "--state", "open", "--service", "storefront", "--assignee", "team shop"))
                .as(err.toString()).isZero();

        assertThat(received).singleElement().extracting(Received::query)
                .isEqualTo("state=OPEN&service=storefront&assignee=team shop");
        assertThat(out.toString()).contains(ID, "OPEN", "RERUN", "storefront NETWORK_LATENCY reads-p99", "@team-shop",
                "exp-7", "rerun with a longer window");
    }

    @Test
    void shouldSendEachTriageStepAsATransition() {
        answers.put("POST /follow-ups/" + ID + "/transitions", "200 " + RERUN.formatted(ID, "FIX_SYSTEM"));

        assertThat(run("follow-ups", "accept", ID, "--assignee", "bob")).isZero();
        assertThat(run("follow-ups", "done", ID, "--note", "timeout added")).isZero();
        assertThat(run("follow-ups", "wont-fix", ID)).as("wont-fix needs a note").isEqualTo(2);
        assertThat(run("follow-ups", "wont-fix", ID, "--note", "replaced next quarter")).isZero();

        assertThat(received).extracting(Received::body).containsExactly("{\"state\":\"ACCEPTED\",\"assignee\":\"bob\"}",
                "{\"state\":\"DONE\",\"note\":\"timeout added\"}", "{\"state\":\"WONT_FIX\",\"note\":\"replaced next quarter\"}");
    }

    @Test
    void shouldSayWhatIsAllowedWhenTheServiceRefusesAStep() {
        answers.put("POST /follow-ups/" + ID + "/transitions", "409 {\"status\":409,\"error\":\"follow-up " + ID
                + ": the follow-up is DONE, which is final: nothing may follow it\",\"reasons\":[]}");

        assertThat(run("follow-ups", "accept", ID)).isEqualTo(1);
        assertThat(err.toString()).contains("409", "DONE, which is final");
    }

    @Test
    void shouldProposeARerunFollowUpNamingItAndThenAcceptIt() {
        answers.put("GET /follow-ups/" + ID, "200 " + RERUN.formatted(ID, "RERUN"));
        answers.put("GET /experiments/exp-7/hypothesis", "200 {\"experimentId\":\"exp-7\",\"hypothesis\":{\"scenario\":"
                + "{\"target\":{\"dependency\":\"pricing\"},\"durationMillis\":60000},\"blastRadius\":{\"trafficShare\":0.5}}}");
        answers.put("POST /proposals", "202 {\"experimentId\":\"exp-8\"}");
        answers.put("POST /follow-ups/" + ID + "/transitions", "200 " + RERUN.formatted(ID, "RERUN"));

        assertThat(run("follow-ups", "rerun", ID)).as(err.toString()).isZero();

        assertThat(out.toString().strip()).isEqualTo("exp-8");
        Received proposal = received.stream().filter(r -> r.path().equals("/proposals")).findFirst().orElseThrow();
        assertThat(proposal.body()).contains("\"service\":\"storefront\"", "\"faultType\":\"NETWORK_LATENCY\"",
                "\"dependency\":\"pricing\"", "\"environment\":\"STAGING\"", "\"reason\":\"OTHER\"",
                "rerun for follow-up " + ID + " (RERUN) of experiment exp-7", "\"durationSeconds\":60",
                "\"trafficShare\":0.5");
        assertThat(received.get(received.size() - 1).body())
                .isEqualTo("{\"state\":\"ACCEPTED\",\"note\":\"rerun proposed as exp-8\"}");
    }

    @Test
    void shouldRefuseToRerunAFollowUpThatIsNotARerun() {
        answers.put("GET /follow-ups/" + ID, "200 " + RERUN.formatted(ID, "FIX_SYSTEM"));
        answers.put("GET /experiments/exp-7/hypothesis", "404 {\"status\":404,\"error\":\"no experiment exp-7\"}");

        assertThat(run("follow-ups", "rerun", ID)).isEqualTo(1);
        assertThat(err.toString()).contains("is a FIX_SYSTEM follow-up; only a RERUN one becomes a proposal");
        assertThat(received).noneMatch(r -> r.path().equals("/proposals"));
    }
}
