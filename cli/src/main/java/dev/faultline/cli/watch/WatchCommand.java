package dev.faultline.cli.watch;

import dev.faultline.cli.ServiceCommand;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline watch}: prints an experiment's events as they happen (from the start) until its verdict. */
@Command(name = "watch", description = {"Follow an experiment's events on Kafka until its verdict.",
    "Reads from the beginning (uses --kafka and --registry-url); exit 1 without a verdict in time."})
public final class WatchCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600", description = "default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() {
        Endpoints endpoints = services.endpoints();
        try (EventStream stream = new EventStream(endpoints.kafkaEndpoint())) {
            Thread stopper = new Thread(stream::wakeup, "faultline-watch-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            cli.out().println("watching " + experimentId + " on " + endpoints.kafka() + " (Ctrl-C stops)");
            Optional<VerdictIssued> verdict = new ExperimentWatcher(stream, experimentId)
                    .untilVerdict(cli.out()::println, Duration.ofSeconds(timeoutSeconds));
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook has woken the stream
            }
            return verdict.isPresent() ? 0 : 1;
        }
    }
}
