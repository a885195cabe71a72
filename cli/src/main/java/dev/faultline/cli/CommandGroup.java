package dev.faultline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code targets apply}, {@code failure-modes add}, {@code incident
 * record}; picocli inherits annotated fields): {@code -h/--help}, the {@link FaultlineCli} its subcommands print
 * through, and, run without a subcommand, its usage on stderr and exit 2.
 */
public abstract class CommandGroup implements Callable<Integer> {

    @Mixin
    protected HelpOption help;

    @Spec
    protected CommandSpec spec;

    @ParentCommand
    protected FaultlineCli cli;

    /** The {@link FaultlineCli} for subcommands to print through. */
    public FaultlineCli cli() {
        return cli;
    }

    /** No subcommand: the usage, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
