package dev.faultline.cli;

import dev.faultline.cli.args.Args;
import dev.faultline.cli.args.UsageException;
import dev.faultline.cli.demo.DemoCommand;
import dev.faultline.cli.experiment.ApproveCommand;
import dev.faultline.cli.experiment.HaltCommand;
import dev.faultline.cli.experiment.ProposeCommand;
import dev.faultline.cli.experiment.ReportCommand;
import dev.faultline.cli.experiment.ReviewCommand;
import dev.faultline.cli.experiment.StatusCommand;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.stack.StackCommand;
import dev.faultline.cli.watch.WatchCommand;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code faultline} command: {@code demo}, {@code stack}, and the commands against running
 * services ({@code propose}, {@code review}, {@code approve}, {@code status}, {@code halt},
 * {@code report}, {@code watch}). Exit codes: 0 done, 1 failed (a service error, no verdict),
 * 2 bad command line.
 */
public final class FaultlineCli {

    public static final List<CommandSpec> COMMANDS = List.of(DemoCommand.SPEC, StackCommand.SPEC, ProposeCommand.SPEC,
            ReviewCommand.SPEC, ApproveCommand.SPEC, StatusCommand.SPEC, HaltCommand.SPEC, ReportCommand.SPEC,
            WatchCommand.SPEC);

    private FaultlineCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, System.getenv()));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(List<String> tokens, PrintStream out, PrintStream err, Map<String, String> env) {
        if (tokens.isEmpty() || List.of("help", "-h", "--help").contains(tokens.get(0))) {
            out.print(usage());
            return tokens.isEmpty() ? 2 : 0;
        }
        Optional<CommandSpec> spec = COMMANDS.stream().filter(command -> command.name().equals(tokens.get(0))).findFirst();
        if (spec.isEmpty()) {
            err.println("faultline: unknown command '" + tokens.get(0) + "'");
            err.print(usage());
            return 2;
        }
        try {
            Set<String> options = new HashSet<>(spec.get().options());
            options.addAll(Endpoints.OPTIONS);
            Args args = Args.parse(tokens.subList(1, tokens.size()), options, spec.get().switches());
            return spec.get().command().run(args, new CliContext(out, err, Endpoints.from(args, env), env));
        } catch (UsageException e) {
            err.println("faultline " + spec.get().name() + ": " + e.getMessage());
            err.println("usage: faultline " + spec.get().usage());
            return 2;
        } catch (ServiceCallException e) {
            err.println("faultline " + spec.get().name() + ": " + e.describe());
            return 1;
        } catch (Exception e) {
            err.println("faultline " + spec.get().name() + ": " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        StringBuilder out = new StringBuilder("usage: faultline <command> [options]\n");
        COMMANDS.forEach(command -> out.append("  ").append(command.usage()).append('\n'));
        out.append("services: --hypothesis-url, --safety-url, --injector-url, --analysis-url, --catalog-url, --kafka, "
                + "--registry-url\n          (or FAULTLINE_HYPOTHESIS_URL, …, FAULTLINE_KAFKA, FAULTLINE_REGISTRY_URL; "
                + "default: the demo ports on 127.0.0.1)\n");
        return out.toString();
    }
}
