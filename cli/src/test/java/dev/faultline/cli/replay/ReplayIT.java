package dev.faultline.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cli.FaultlineCli;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline replay} against the real devstack, reading as the auditor principal: experiments recorded as the
 * services would record them — one genuine, one whose evidence was altered after its verdict was computed, one whose
 * clearance was signed by a key safety-service does not hold — and the replay tells them apart.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

    private final DevStack stack;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ClearanceKeyPair safetyKey = ClearanceKeyPair.generate("safety-" + run);
    private final RecordedExperiment genuine = new RecordedExperiment("replay-genuine-" + run, safetyKey);
    private final RecordedExperiment tampered = new RecordedExperiment("replay-tampered-" + run, safetyKey);
    private final RecordedExperiment forged = new RecordedExperiment("replay-forged-" + run,
            new ClearanceKeyPair(safetyKey.keyId(), ClearanceKeyPair.generate("mallory").keys()));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    ReplayIT(DevStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void record() throws Exception {
        try (ServicePublisher services = new ServicePublisher(stack)) {
            services.publish(genuine.events(UnaryOperator.identity()));
            services.publish(tampered.events(RecordedExperiment.failReadsIn(10)));
            services.publish(forged.events(UnaryOperator.identity()));
        }
    }

    @Test
    void shouldReproduceARecordedVerdictAndVerifyItsClearance() throws Exception {
        assertThat(replay("--experiment", genuine.experimentId)).as(err.toString()).isZero();

        String text = out.toString();
        assertThat(text).contains("== experiment " + genuine.experimentId + " (storefront)")
                .contains("[proposal] PERSON:paula: proposed NETWORK_BLACKHOLE on storefront→pricing in STAGING")
                .contains("[review] SERVICE:hypothesis-service: revision 1 approved by reviewers [PERSON:rita]")
                .contains("[approval] PERSON:alice: APPROVED revision 1 for STAGING")
                .contains("[preflight] SERVICE:safety-service: BASELINE_HEALTH PASSED: p99 210 ms within the norm")
                .contains("baselineP99Millis = 210")
                .contains("signature = verified (Ed25519)")
                .contains("[fault]").contains("[stop]").contains("38 evidence batches of injection " + genuine.injectionId)
                .contains("recorded " + genuine.verdict.outcome() + ", recomputed " + genuine.verdict.outcome()
                        + " — REPRODUCED")
                .contains("1 verdicts checked, 1 reproduced, 0 findings");
    }

    @Test
    void shouldReportTheFieldsOfAVerdictItsTamperedEvidenceNoLongerGives() throws Exception {
        assertThat(replay("--experiment", tampered.experimentId, "--format", "json")).isEqualTo(1);

        JsonNode report = new ObjectMapper().readTree(out.toString().substring(0, out.toString().lastIndexOf('}') + 1));
        List<String> fields = new ArrayList<>();
        report.get("findings").forEach(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("VERDICT_MISMATCH");
            assertThat(f.get("experimentId").asText()).isEqualTo(tampered.experimentId);
            assertThat(f.get("injectionId").asText()).isEqualTo(tampered.injectionId.toString());
            fields.add(f.get("field").asText());
        });
        // one batch of reads turned into failures: the success rate and its interval move, the outcome (a Wilson
        // interval still above 0.9) does not — the record no longer gives the verdict it carries all the same
        assertThat(fields).contains("results[reads-served].observed", "results[reads-served].lower",
                "results[reads-served].explanation");
        JsonNode observed = findingOf(report, "results[reads-served].observed");
        assertThat(observed.get("recorded").asDouble()).isEqualTo(1.0);
        assertThat(observed.get("recomputed").asDouble()).isLessThan(1.0);
        assertThat(report.get("totals").get("verdictsReproduced").asInt()).isZero();
    }

    @Test
    void shouldReportAClearanceSignedWithAKeySafetyServiceDoesNotHold() throws Exception {
        assertThat(replay("--experiment", forged.experimentId)).isEqualTo(1);

        assertThat(out.toString()).contains("FINDING CLEARANCE_NOT_GENUINE experiment " + forged.experimentId)
                .contains("signature does not verify with key '" + safetyKey.keyId() + "'")
                .contains("signature = NOT VERIFIED");
    }

    @Test
    void shouldJudgeARecordedRunUnderAnotherThresholdWithoutWritingAnything() throws Exception {
        Path policy = Files.writeString(dir.resolve("thresholds.yaml"), """
                thresholds:
                  - prediction: reads-p99
                    threshold: 1500
                """);
        assertThat(replay("--experiment", genuine.experimentId, "--policy", policy.toString(), "--format", "json"))
                .as("the record itself is still reproduced").isZero();

        JsonNode outcome = policyOutcome();
        assertThat(outcome.get("recorded").asText()).isEqualTo(genuine.verdict.outcome().name());
        assertThat(outcome.get("guardrailTrips")).isEmpty();
        JsonNode p99 = outcome.get("predictions").get(1);
        assertThat(p99.get("predictionId").asText()).isEqualTo("reads-p99");
        assertThat(p99.get("recordedThreshold").asDouble()).isEqualTo(800);
        assertThat(p99.get("recordedOutcome").asText()).as("p99 1203 ms against 800 ms").isEqualTo("NOT_HELD");
        // below 368 samples a 95 % interval of a p99 has no upper bound: "< 1500 ms" cannot be shown, only refuted
        assertThat(p99.get("policyOutcome").asText()).as("p99 1203 ms against 1500 ms").isEqualTo("INCONCLUSIVE");
    }

    @Test
    void shouldSayWhenAnAddedGuardrailWouldHaveStoppedARecordedRun() throws Exception {
        Path policy = Files.writeString(dir.resolve("guardrail.yaml"), """
                guardrails:
                  - id: reads-slow
                    probe: product-reads
                    statistic: P99_LATENCY
                    comparator: GREATER_THAN
                    threshold: 1000
                    unit: MILLISECONDS
                    window: 3s
                    sustain: 2s
                """);
        assertThat(replay("--experiment", genuine.experimentId, "--policy", policy.toString(), "--format", "json"))
                .isZero();

        JsonNode outcome = policyOutcome();
        JsonNode trip = outcome.get("guardrailTrips").get(0);
        assertThat(trip.get("guardrailId").asText()).isEqualTo("reads-slow");
        // one read in five answers after 1203 ms from the fault's start (T0): p99 > 1000 ms from that first answer
        // (T0 + 1.203 s) on, so the 2 s sustain ends at the answer that arrives at T0 + 3.203 s
        assertThat(trip.get("holdingSince").asText()).isEqualTo("2026-11-26T12:00:01.203Z");
        assertThat(trip.get("at").asText()).isEqualTo("2026-11-26T12:00:03.203Z");
        assertThat(outcome.get("wouldBe").asText()).isEqualTo("ABORTED");

        assertThat(replay("--experiment", genuine.experimentId, "--policy", policy.toString(), "--format", "html",
                "--output", dir.resolve("audit.html").toString())).isZero();
        String html = Files.readString(dir.resolve("audit.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains(genuine.experimentId)
                .contains("guardrail reads-slow would have stopped the run at 2026-11-26T12:00:03.203Z")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    }

    private JsonNode policyOutcome() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.toString().substring(0, out.toString().lastIndexOf('}') + 1));
        return report.get("experiments").get(0).get("policy").get(0);
    }

    private static JsonNode findingOf(JsonNode report, String field) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("field").asText().equals(field)) {
                return finding;
            }
        }
        throw new AssertionError("no finding on " + field + " in " + report.get("findings"));
    }

    private int replay(String... args) throws Exception {
        out.reset();
        err.reset();
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keys.resolve(safetyKey.keyId() + ".pem"), safetyKey.publicKeyBase64());
        List<String> all = new ArrayList<>(List.of("replay"));
        all.addAll(List.of(args));
        all.addAll(List.of("--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl(),
                "--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.AUDITOR).toString(),
                "--public-keys", keys.toString()));
        return FaultlineCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }
}
