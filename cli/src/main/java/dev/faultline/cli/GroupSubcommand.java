package dev.faultline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand of a {@link CommandGroup} has ({@code targets apply}, {@code failure-modes add|withdraw},
 * {@code incident record}, {@code calendar add|cancel}; picocli inherits annotated fields): the service-address
 * options (hypothesis-service's admin API, or Kafka and the registry for what they publish straight) and the token,
 * {@code -h/--help}, and where it prints — results on the CLI's out, problems on stderr.
 */
public abstract class GroupSubcommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
    protected ServiceOptions services = new ServiceOptions();

    @Mixin
    protected HelpOption help;

    @ParentCommand
    protected CommandGroup group;

    @Spec
    protected CommandSpec spec;

    protected PrintStream out() {
        return group.cli().out();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
