package dev.faultline.cli;

import java.util.Set;

/** A subcommand's name, its one-line usage, the options and switches it accepts, and what it runs. */
public record CommandSpec(String name, String usage, Set<String> options, Set<String> switches, Command command) {
}
