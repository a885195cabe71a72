package dev.faultline.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help}, mixed into every command: picocli prints the command's generated usage and the
 * command exits 0. (picocli's standard mixin would also add a {@code --version} nobody needs here, and an
 * inherited option would clash with the {@code help} subcommand's own {@code -h}.)
 */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
