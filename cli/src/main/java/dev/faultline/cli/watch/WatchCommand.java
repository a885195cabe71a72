package dev.faultline.cli.watch;

import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code faultline watch}: prints an experiment's events as they happen (from the start) until its verdict. */
public final class WatchCommand {

    public static final CommandSpec SPEC = new CommandSpec("watch",
            "watch <experiment-id> [--timeout SECONDS]   (uses --kafka and --registry-url)",
            Set.of("--timeout"), Set.of(), WatchCommand::run);

    private WatchCommand() {
    }

    static int run(Args args, CliContext context) {
        String id = args.atMostPositionals(1).positional(0, "the experiment id");
        Duration timeout = Duration.ofSeconds(args.integer("--timeout").orElse(3600));
        try (EventStream stream = new EventStream(context.endpoints().kafka(), context.endpoints().registry())) {
            Thread stopper = new Thread(stream::wakeup, "faultline-watch-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            context.out().println("watching " + id + " on " + context.endpoints().kafka() + " (Ctrl-C stops)");
            Optional<VerdictIssued> verdict = new ExperimentWatcher(stream, id).untilVerdict(context.out()::println, timeout);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook has woken the stream
            }
            return verdict.isPresent() ? 0 : 1;
        }
    }
}
