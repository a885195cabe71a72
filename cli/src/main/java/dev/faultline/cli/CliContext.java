package dev.faultline.cli;

import dev.faultline.cli.http.Endpoints;
import java.io.PrintStream;
import java.util.Map;

/** What a command runs with: where to print, the service endpoints, the environment variables. */
public record CliContext(PrintStream out, PrintStream err, Endpoints endpoints, Map<String, String> env) {
}
