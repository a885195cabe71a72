package dev.faultline.cli.replay;

import dev.faultline.cli.ServiceCommand;
import dev.faultline.cli.http.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline replay}: the auditor's replay. Reads only the topics (no Cassandra, no running service), rebuilds
 * each experiment's decision trail, verifies every clearance's signature, recomputes every verdict from the recorded
 * hypothesis and evidence, and — with {@code --policy} — judges past runs under other thresholds and guardrails.
 */
@Command(name = "replay", description = {"Replay the topics as an auditor: every experiment's decision trail, each "
        + "clearance's signature verified, each verdict recomputed from the recorded evidence.",
    "Reads Kafka only, up to the end offsets of now (use --kafka-config with the faultline-auditor principal's file).",
    "Exit 0 when every verdict is reproduced and every clearance verified, 1 otherwise (each finding is listed)."})
public final class ReplayCommand extends ServiceCommand {

    enum Format { text, json, html }

    @Option(names = "--experiment", paramLabel = "ID", description = "only this experiment (repeatable)")
    Set<String> experiments;

    @Option(names = "--service", paramLabel = "NAME", description = "only experiments on this service under test")
    String service;

    @Option(names = "--since", paramLabel = "INSTANT", description = "only experiments that began at or after this "
            + "ISO instant, e.g. 2026-12-01T00:00:00Z")
    String since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "only experiments that began before this ISO instant")
    String until;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or html (a self-contained audit report); default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of to stdout")
    Path output;

    @Option(names = "--policy", paramLabel = "FILE", description = "YAML thresholds and guardrails to judge the "
            + "recorded runs under as well (nothing is written; see cli/README.md)")
    Path policy;

    @Option(names = "--public-keys", paramLabel = "DIR", description = "clearance public keys, one <key id>.pem each "
            + "(default: the local stack's, found beside --kafka-config)")
    Path publicKeys;

    @Option(names = "--start-within-millis", paramLabel = "MILLIS", defaultValue = "90000", description = "analysis-"
            + "service's faultline.analysis.start-within-millis, for verdicts of clearances never started; default "
            + "${DEFAULT-VALUE}")
    long startWithinMillis;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "give up when Kafka sends nothing for this long; default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() {
        Endpoints endpoints = services.endpoints();
        ReplayFilter filter = new ReplayFilter(experiments, service, instant(since, "--since"), instant(until, "--until"));
        Auditor auditor = new Auditor(filter, new ClearanceCheck(keys(endpoints)), policy == null ? null : Policy.read(policy),
                Duration.ofMillis(startWithinMillis));
        long start = System.nanoTime();
        try (TopicScan scan = new TopicScan(endpoints.kafkaEndpoint(), Duration.ofSeconds(timeoutSeconds))) {
            scan.scan(auditor::accept);
        }
        ReplayResult result = auditor.finish(start);
        report(result);
        if (output != null || format != Format.text) {
            cli.out().println(TextReport.summary(result)); // the report went elsewhere or is a document: the totals too
        }
        return result.clean() ? 0 : 1;
    }

    private void report(ReplayResult result) {
        if (format == Format.text && output == null) {
            TextReport.print(result, cli.out());
            return;
        }
        String text = switch (format) {
            case json -> JsonReport.write(result);
            case html -> HtmlReport.write(result);
            case text -> {
                var bytes = new java.io.ByteArrayOutputStream();
                TextReport.print(result, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
                yield bytes.toString(StandardCharsets.UTF_8);
            }
        };
        if (output == null) {
            cli.out().print(text);
            return;
        }
        try {
            Files.writeString(output, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + output, e);
        }
    }

    private Map<String, PublicKey> keys(Endpoints endpoints) {
        if (publicKeys != null) {
            return PublicKeys.read(publicKeys);
        }
        return PublicKeys.besideStack(endpoints.kafkaConfig()).map(PublicKeys::read).orElse(Map.of());
    }

    private static Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO instant such as 2026-12-01T00:00:00Z, was '"
                    + text + "'");
        }
    }
}
