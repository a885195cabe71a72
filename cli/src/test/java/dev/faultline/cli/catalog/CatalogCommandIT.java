package dev.faultline.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code faultline catalog --markdown} and {@code catalog propose-gap} against the real devstack's Kafka and registry
 * (the proposal is read back off faultline.proposals); catalog-service's two answers come from a stand-in serving
 * what catalog-service serves ({@code CatalogServiceIT} checks those endpoints against the real service).
 */
@ExtendWith(DevStackExtension.class)
class CatalogCommandIT {

    private static final String DOCUMENT = "# How the system behaves under failure\n\n## storefront\n";
    private static final String GAPS = """
            [{"service":"storefront","faultType":"NETWORK_LATENCY","tested":false,"stale":false,
              "reason":"storefront (http-storefront) has never been tested under NETWORK_LATENCY",
              "environments":["PRODUCTION","STAGING"],"dependencies":["pricing"]},
             {"service":"checkout","faultType":"HTTP_DELAY","tested":false,"stale":false,"reason":"never",
              "environments":["PRODUCTION"],"dependencies":["pricing","stock"]}]""";

    private final DevStack stack;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer catalog;

    CatalogCommandIT(DevStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void standIn() throws IOException {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/catalog/document", exchange -> answer(exchange, "text/markdown", DOCUMENT));
        catalog.createContext("/catalog/gaps", exchange -> answer(exchange, "application/json", GAPS));
        catalog.start();
    }

    @AfterEach
    void stop() {
        catalog.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", type);
        exchange.sendResponseHeaders(exchange.getRequestHeaders().getFirst("authorization") == null ? 401 : 200,
                bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--catalog-url", "http://127.0.0.1:" + catalog.getAddress().getPort(),
                "--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl(),
                "--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.TOOL).toString(),
                "--token", stack.issuer().mint("alice", List.of("proposer"), Duration.ofMinutes(5))));
        return FaultlineCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldPrintTheDocument() {
        assertThat(cli("catalog", "--markdown")).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
    }

    @Test
    void shouldProposeAGapAsTheSignedInUserOnTheProposalsTopic() {
        assertThat(cli("catalog", "propose-gap", "storefront", "network-latency")).as(err.toString()).isZero();
        String id = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(id).startsWith("gap-");

        ExperimentProposed proposal = new CliTopic<>(Topics.PROPOSALS, ExperimentProposed.class,
                KafkaEndpoint.of(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(),
                        stack.kafkaClientConfig(KafkaPrincipal.AUDITOR).toString())).current().get(id);
        assertThat(proposal.getHeader().getExperimentId()).isEqualTo(id);
        assertThat(proposal.getHeader().getActor().getId()).as("the token's subject").isEqualTo("alice");
        assertThat(proposal.getReason()).isEqualTo(ProposalReason.CATALOG_GAP);
        assertThat(proposal.getService()).isEqualTo("storefront");
        assertThat(proposal.getFaultType()).isEqualTo(FaultType.NETWORK_LATENCY);
        assertThat(proposal.getEnvironment()).as("staging when declared there").isEqualTo(Environment.STAGING);
        assertThat(proposal.getDependency()).isEqualTo("pricing");
        assertThat(proposal.getMotivation()).isEqualTo("catalog gap: storefront (http-storefront) has never been tested"
                + " under NETWORK_LATENCY");
    }

    @Test
    void shouldRefuseWhatIsNoGapOrLeavesAChoice() {
        assertThat(cli("catalog", "propose-gap", "storefront", "NETWORK_BLACKHOLE")).isEqualTo(2);
        assertThat(err.toString()).contains("storefront under NETWORK_BLACKHOLE is no gap of the catalog")
                .contains("its gaps: [NETWORK_LATENCY]").contains("nothing proposed");

        assertThat(cli("catalog", "propose-gap", "checkout", "HTTP_DELAY")).isEqualTo(2);
        assertThat(err.toString()).contains("give --dependency: checkout calls [pricing, stock]");

        assertThat(cli("catalog", "propose-gap", "checkout", "SLOW")).isEqualTo(2);
        assertThat(err.toString()).contains("FAILURE_MODE 'SLOW' is not one of");
    }
}
