package dev.faultline.cli;

import dev.faultline.cli.calendar.CalendarCommand;
import dev.faultline.cli.catalog.CatalogCommand;
import dev.faultline.cli.console.ConsoleCommand;
import dev.faultline.cli.demo.DemoCommand;
import dev.faultline.cli.experiment.ApproveCommand;
import dev.faultline.cli.followup.FollowUpsCommand;
import dev.faultline.cli.experiment.HaltCommand;
import dev.faultline.cli.experiment.ProposeCommand;
import dev.faultline.cli.experiment.ReportCommand;
import dev.faultline.cli.experiment.ReviewCommand;
import dev.faultline.cli.experiment.StatusCommand;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.login.LoginCommand;
import dev.faultline.cli.replay.ReplayCommand;
import dev.faultline.cli.schedule.ScheduleCommand;
import dev.faultline.cli.stack.ComposeSecretsCommand;
import dev.faultline.cli.stack.StackCommand;
import dev.faultline.cli.failuremodes.FailureModesCommand;
import dev.faultline.cli.incident.IncidentCommand;
import dev.faultline.cli.targets.TargetsCommand;
import dev.faultline.cli.watch.WatchCommand;
import dev.faultline.devstack.process.ClassDataArchives;
import dev.faultline.schemas.kafka.ScramKeyCache;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code faultline} command on picocli: {@code demo}, {@code stack}, and the commands against running
 * services ({@code propose}, {@code review}, {@code approve}, {@code status}, {@code halt}, {@code report},
 * {@code watch}, {@code replay}), each with generated {@code --help}. Exit codes: 0 done, 1 failed (a service error, no
 * verdict), 2 bad command line.
 */
@Command(name = "faultline",
        description = "Runs the example experiment on a local stack, or drives running Faultline services.",
        subcommands = {DemoCommand.class, StackCommand.class, LoginCommand.class, ProposeCommand.class, ReviewCommand.class,
            ApproveCommand.class, StatusCommand.class, HaltCommand.class, ReportCommand.class, WatchCommand.class,
            TargetsCommand.class, FailureModesCommand.class, IncidentCommand.class, CalendarCommand.class,
            ScheduleCommand.class, FollowUpsCommand.class, CatalogCommand.class, ReplayCommand.class, ConsoleCommand.class,
            ComposeSecretsCommand.class,
            HelpCommand.class},
        footer = {"", "Service addresses: --hypothesis-url, --safety-url, --injector-url, --analysis-url, --catalog-url, "
                + "--kafka, --registry-url; else FAULTLINE_HYPOTHESIS_URL, FAULTLINE_SAFETY_URL, FAULTLINE_INJECTOR_URL, "
                + "FAULTLINE_ANALYSIS_URL, FAULTLINE_CATALOG_URL, FAULTLINE_KAFKA, FAULTLINE_REGISTRY_URL; else the demo "
                + "ports on 127.0.0.1.",
            "Authentication: 'faultline login --user NAME' stores a token every command sends; FAULTLINE_TOKEN "
                + "beats it.",
            "Exit codes: 0 done, 1 failed (a service error, no verdict), 2 bad command line.",
            "'faultline COMMAND --help' (or 'faultline help COMMAND') describes a command's options."})
public final class FaultlineCli implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Mixin
    HelpOption help;

    private final PrintStream out;

    FaultlineCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // the stack's registry, its set-up and `watch` open Kafka clients of a few principals in this JVM
        ScramKeyCache.install();
        int code = run(List.of(args), System.out, System.err, System.getenv());
        // only a stack's run loads what the CLI's class-data archive should hold (LocalStack records it)
        ClassDataArchives.configured().forgetOwn();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; {@code env} supplies the {@code FAULTLINE_*} defaults. */
    public static int run(List<String> tokens, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cli = commandLine(out, err, env);
        try {
            return cli.execute(tokens.toArray(String[]::new));
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The command tree, printing to {@code out} and {@code err}, with its usage-error and failure handling. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new FaultlineCli(out));
        cli.getSubcommands().values().forEach(command -> command.getCommandSpec().usageMessage()
                .sortOptions(false).sortSynopsis(false)); // help lists options in the order the command declares them
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        cli.setOverwrittenOptionsAllowed(true); // the last of a repeated option wins, as scripts expect
        cli.setExpandAtFiles(false); // --why @oncall is text, not a file of arguments
        cli.setParameterExceptionHandler(FaultlineCli::usageError);
        cli.setExecutionExceptionHandler(FaultlineCli::failure);
        return cli;
    }

    /** Where commands print their results (picocli prints help and errors itself, to the same streams). */
    public PrintStream out() {
        return out;
    }

    /** No command given: the usage, and a usage error. */
    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return USAGE;
    }

    private static int usageError(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        ParameterException e = error;
        if (e instanceof MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
            // picocli checks required options before unknown ones; a typo (--bye) is the better message
            e = new UnmatchedArgumentException(command, command.getUnmatchedArguments());
        }
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (command.getCommandSpec().parent() == null && e instanceof UnmatchedArgumentException
                && args.length > 0 && !args[0].startsWith("-")) {
            err.println(name + ": unknown command '" + args[0] + "'");
            UnmatchedArgumentException.printSuggestions(e, err);
            command.usage(err);
            return USAGE;
        }
        err.println(name + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print("usage: " + command.getHelp().synopsis("usage: ".length()));
        err.println("(" + name + " --help describes every option)");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        String message = e instanceof ServiceCallException call
                ? call.describe() : Objects.requireNonNullElse(e.getMessage(), e.toString());
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        return FAILED;
    }
}
