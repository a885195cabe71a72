package dev.faultline.cli.failuremodes;

import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline failure-modes add FILE}: validates a failure-modes file and publishes its templates on
 * faultline.failure-modes, where hypothesis-service adds them to its catalog (no release needed). A file with any
 * problem is refused whole, each problem located, exit 2, nothing published. {@code withdraw ID} takes an added
 * template back (a built-in one it replaced is used again).
 */
@Command(name = "failure-modes", description = "Add failure-mode templates to the catalog.",
        subcommands = {FailureModesCommand.Add.class, FailureModesCommand.Withdraw.class})
public final class FailureModesCommand extends CommandGroup {

    /** {@code faultline failure-modes add FILE [--dry-run] [--by PERSON] [--incident ID]}. */
    @Command(name = "add", description = {"Validate a failure-modes file and publish its templates on "
            + "faultline.failure-modes.", "Every problem is listed with its line; a file with problems publishes "
            + "nothing (exit 2)."})
    public static final class Add extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "the failure-modes file (YAML)")
        Path file;

        @Option(names = "--dry-run", description = "validate only; publish nothing")
        boolean dryRun;

        @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}",
                description = "who adds the templates (default: the user)")
        String by;

        @Option(names = "--incident", paramLabel = "ID", description = "the incident the templates were derived from")
        String incident;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = err();
            if (!Files.isReadable(file)) {
                err.println(file + ": cannot be read; nothing published");
                return 2;
            }
            List<FailureModeDeclared> templates;
            try {
                templates = FailureModesFile.read(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                        by == null ? "unknown" : by, incident, Clock.systemUTC());
            } catch (Invalid invalid) {
                invalid.problems().forEach(problem -> err.println(file + ": " + problem));
                err.println(file + ": " + invalid.problems().size() + " problem(s); nothing published");
                return 2;
            }
            if (dryRun) {
                out().printf("%s: %d templates valid (dry run, nothing published)%n", file, templates.size());
                return 0;
            }
            Map<String, FailureModeDeclared> byId = new LinkedHashMap<>();
            templates.forEach(t -> byId.put(t.getTemplateId(), t));
            CliTopic.of(Topics.FAILURE_MODES, FailureModeDeclared.class, services).publish(byId, "faultline-cli-failure-modes");
            out().printf("%s: added %s%n", file, List.copyOf(byId.keySet()));
            return 0;
        }
    }

    /** {@code faultline failure-modes withdraw ID [--by PERSON]}. */
    @Command(name = "withdraw", description = "Take an added template back (a built-in one it replaced is used again).")
    public static final class Withdraw extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "ID", description = "the template id")
        String id;

        @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}",
                description = "who withdraws it (default: the user)")
        String by;

        @Override
        public Integer call() {
            CliTopic<FailureModeDeclared> topic = CliTopic.of(Topics.FAILURE_MODES, FailureModeDeclared.class, services);
            FailureModeDeclared last = topic.current().get(id);
            if (last == null || last.getRemoved()) {
                err().println(id + ": no template of that id was added; nothing published");
                return 2;
            }
            EventHeader header = EventHeader.newBuilder(last.getHeader()).setEventId(UUID.randomUUID())
                    .setOccurredAt(Clock.systemUTC().instant())
                    .setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId(by == null ? "unknown" : by).build())
                    .build();
            topic.publish(Map.of(id, FailureModeDeclared.newBuilder(last).setRemoved(true).setHeader(header).build()),
                    "faultline-cli-failure-modes");
            out().printf("%s: withdrawn%n", id);
            return 0;
        }
    }
}
