package dev.faultline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every command that talks to running services has (picocli inherits annotated fields): the service-address
 * options ({@link ServiceOptions}, flags over {@code FAULTLINE_*} variables), {@code -h/--help}, and the
 * {@link FaultlineCli} it prints through.
 */
public abstract class ServiceCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
    protected ServiceOptions services = new ServiceOptions();

    @Mixin
    protected HelpOption help;

    @ParentCommand
    protected FaultlineCli cli;
}
