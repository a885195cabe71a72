package dev.faultline.cli.targets;

import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.declarations.targets.TargetsFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.Problem;
import dev.faultline.schemas.avro.TargetDeclared;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline targets apply FILE}: validates a targets file and publishes it on faultline.targets, where every
 * service reads its targets. A file with any problem is refused whole, each problem located, exit 2, nothing
 * published. {@code ${name}} in the file is replaced by {@code --set name=value} (the local stack's ports).
 */
@Command(name = "targets", description = "Declare the systems Faultline may touch.",
        subcommands = TargetsCommand.Apply.class)
public final class TargetsCommand extends CommandGroup {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)}");

    /** {@code faultline targets apply FILE [--dry-run] [--by PERSON] [--set name=value ...]}. */
    @Command(name = "apply", description = {"Validate a targets file and publish it on faultline.targets.",
        "Every problem is listed with its line; a file with problems publishes nothing (exit 2)."})
    public static final class Apply extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "the targets file (YAML)")
        Path file;

        @Option(names = "--dry-run", description = "validate only; publish nothing")
        boolean dryRun;

        @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}",
                description = "who declares the targets (default: the user)")
        String by;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "replace ${NAME} in the file")
        Map<String, String> values = new LinkedHashMap<>();

        @Override
        public Integer call() throws IOException {
            PrintStream out = out();
            PrintWriter err = err();
            if (!Files.isReadable(file)) {
                err.println(file + ": cannot be read; nothing published");
                return 2;
            }
            List<TargetDeclared> declared;
            try {
                // the path as given (./ and .. folded) names the file: what it declared before is what it may remove
                declared = TargetsFile.read(substitute(Files.readString(file, StandardCharsets.UTF_8)),
                        file.normalize().toString(),
                        by == null ? "unknown" : by, Clock.systemUTC());
            } catch (Invalid invalid) {
                invalid.problems().forEach(problem -> err.println(file + ": " + problem));
                int count = invalid.problems().size();
                err.println(file + ": " + count + (count == 1 ? " problem" : " problems") + "; nothing published");
                return 2;
            }
            if (declared.isEmpty()) {
                err.println(file + ": declares no service; nothing published");
                return 2;
            }
            if (dryRun) {
                out.printf("%s: %d targets valid (dry run, nothing published)%n", file, declared.size());
                return 0;
            }
            TargetsTopic.Applied applied = new TargetsTopic(services.endpoints().kafkaEndpoint())
                    .apply(declared, Clock.systemUTC());
            out.printf("%s: declared %s%s%n", file, applied.declared(),
                    applied.removed().isEmpty() ? "" : "; removed " + applied.removed());
            return 0;
        }

        /**
         * {@code ${name}} replaced by its {@code --set} value.
         *
         * @throws Invalid naming the line of every placeholder left unset
         */
        String substitute(String text) throws Invalid {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder result = new StringBuilder();
            List<Problem> unset = new ArrayList<>();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    String before = text.substring(0, matcher.start());
                    unset.add(new Problem((int) before.chars().filter(c -> c == '\n').count() + 1,
                            matcher.start() - before.lastIndexOf('\n'), matcher.group(),
                            "not set: pass --set " + matcher.group(1) + "=VALUE"));
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
            }
            matcher.appendTail(result);
            if (!unset.isEmpty()) {
                throw new Invalid(unset);
            }
            return result.toString();
        }
    }
}
