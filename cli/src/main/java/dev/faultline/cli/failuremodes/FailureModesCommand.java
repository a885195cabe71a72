package dev.faultline.cli.failuremodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.declared.DeclarationFiles;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.Problem;
import dev.faultline.schemas.avro.FailureModeDeclared;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline failure-modes add FILE}: checks a failure-modes file here, then adds its templates through
 * hypothesis-service's admin API ({@code POST /failure-modes}, role admin, the signed-in user as the author), which
 * checks it again and publishes them on faultline.failure-modes, where its catalog picks them up (no release
 * needed). A file with any problem is refused whole, each problem located, exit 2, nothing published.
 * {@code withdraw ID} takes an added template back ({@code DELETE /failure-modes/ID}; a built-in one it replaced is
 * used again).
 */
@Command(name = "failure-modes", description = "Add failure-mode templates to the catalog.",
        subcommands = {FailureModesCommand.Add.class, FailureModesCommand.Withdraw.class})
public final class FailureModesCommand extends CommandGroup {

    /** {@code faultline failure-modes add FILE [--dry-run] [--incident ID]}. */
    @Command(name = "add", description = {"Validate a failure-modes file and add its templates: POST /failure-modes to "
            + "hypothesis-service (role admin; see faultline login).", "Every problem is listed with its line; a file "
            + "with problems publishes nothing (exit 2)."})
    public static final class Add extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "the failure-modes file (YAML)")
        Path file;

        @Option(names = "--dry-run", description = "validate here only (no service or token needed); publish nothing")
        boolean dryRun;

        @Option(names = "--incident", paramLabel = "ID", description = "the incident the templates were derived from")
        String incident;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = err();
            if (!Files.isReadable(file)) {
                err.println(file + ": cannot be read; nothing published");
                return DeclarationFiles.REFUSED;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<FailureModeDeclared> templates;
            try {
                templates = FailureModesFile.read(text, file.toString(), "dry-run", incident, Clock.systemUTC());
            } catch (Invalid invalid) {
                return DeclarationFiles.refuse(err, file, invalid.problems().stream().map(Problem::toString).toList());
            }
            if (dryRun) {
                out().printf("%s: %d templates valid (dry run, nothing published)%n", file, templates.size());
                return 0;
            }
            JsonNode added;
            try {
                added = services.endpoints().hypothesisService().postText("/failure-modes?source="
                        + DeclarationFiles.encode(file.toString())
                        + (incident == null ? "" : "&incident=" + DeclarationFiles.encode(incident)),
                        DeclarationFiles.MEDIA_TYPE, text);
            } catch (ServiceCallException refused) {
                return DeclarationFiles.refuse(err, file, DeclarationFiles.problems(refused));
            }
            out().printf("%s: added %s%n", file, DeclarationFiles.strings(added.path("added")));
            return 0;
        }
    }

    /** {@code faultline failure-modes withdraw ID}. */
    @Command(name = "withdraw", description = {"Take an added template back (a built-in one it replaced is used again):",
        "DELETE /failure-modes/ID to hypothesis-service (role admin)."})
    public static final class Withdraw extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "ID", description = "the template id")
        String id;

        @Override
        public Integer call() {
            try {
                services.endpoints().hypothesisService().delete("/failure-modes/" + DeclarationFiles.encode(id));
            } catch (ServiceCallException e) {
                if (e.status() != 404) {
                    throw e;
                }
                err().println(id + ": " + e.error());
                return DeclarationFiles.REFUSED;
            }
            out().printf("%s: withdrawn%n", id);
            return 0;
        }
    }
}
