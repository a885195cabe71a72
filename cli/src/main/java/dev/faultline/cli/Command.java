package dev.faultline.cli;

import dev.faultline.cli.args.Args;

/** One {@code faultline} subcommand; returns the process exit code. */
@FunctionalInterface
public interface Command {

    int run(Args args, CliContext context) throws Exception;
}
