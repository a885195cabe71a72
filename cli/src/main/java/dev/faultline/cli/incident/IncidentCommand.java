package dev.faultline.cli.incident;

import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.declared.CliEventHeader;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.declarations.yaml.EnumNames;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.IncidentSeverity;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline incident record}: reports an incident on faultline.incidents as an incident tool would, so that
 * hypothesis-service suggests experiments for the failure modes it involved ({@code GET /suggestions}) and a
 * proposal with {@code --incident ID} cites it. The signed-in user (the token's subject) reports it. Bad values are
 * refused with what to write instead (exit 2).
 */
@Command(name = "incident", description = "Report incidents, which suggest experiments.",
        subcommands = IncidentCommand.Record.class)
public final class IncidentCommand extends CommandGroup {

    /** {@code faultline incident record --id ID --title T --service S --fault F ...}. */
    @Command(name = "record", description = "Publish an incident on faultline.incidents.")
    public static final class Record extends GroupSubcommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "its id in the incident tool")
        String id;

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what went wrong, in a line")
        String title;

        @Option(names = "--service", required = true, paramLabel = "S", description = "a service it affected; repeatable")
        List<String> affected = new ArrayList<>();

        @Option(names = "--fault", required = true, paramLabel = "FAULT_TYPE",
                description = "a failure mode it involved, e.g. network-latency; repeatable")
        List<String> faults = new ArrayList<>();

        @Option(names = "--severity", defaultValue = "MEDIUM", paramLabel = "S", description = "default ${DEFAULT-VALUE}")
        String severity;

        @Option(names = "--status", defaultValue = "RESOLVED", paramLabel = "S", description = "default ${DEFAULT-VALUE}")
        String status;

        @Option(names = "--env", defaultValue = "PRODUCTION", paramLabel = "ENVIRONMENT", description = "default ${DEFAULT-VALUE}")
        String environment;

        @Option(names = "--started-at", paramLabel = "INSTANT", description = "ISO-8601, e.g. 2026-12-01T10:00:00Z; default now")
        String startedAt;

        @Option(names = "--summary", paramLabel = "TEXT", defaultValue = "", description = "what happened")
        String summary;

        @Override
        public Integer call() {
            IncidentRecorded incident;
            try {
                incident = incident(services::signedInUser, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                err().println("incident record: " + e.getMessage() + "; nothing published");
                return 2;
            }
            publish(incident);
            out().printf("%s: recorded (%s on %s)%n", id, incident.getFaultTypes(), incident.getServices());
            return 0;
        }

        /** The incident the options describe, by {@code author} (asked once every value is known to be good). */
        IncidentRecorded incident(Supplier<String> author, Clock clock) {
            Instant started;
            try {
                started = startedAt == null ? clock.instant() : Instant.parse(startedAt);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--started-at '" + startedAt + "' is not an ISO-8601 instant "
                        + "(e.g. 2026-12-01T10:00:00Z)");
            }
            IncidentStatus parsedStatus = value("--status", status, IncidentStatus.class);
            IncidentSeverity parsedSeverity = value("--severity", severity, IncidentSeverity.class);
            Environment parsedEnvironment = value("--env", environment, Environment.class);
            List<FaultType> parsedFaults = faults.stream().map(f -> value("--fault", f, FaultType.class)).toList();
            return IncidentRecorded.newBuilder().setHeader(CliEventHeader.of(author.get(), clock))
                    .setIncidentId(id).setTitle(title).setSeverity(parsedSeverity)
                    .setStatus(parsedStatus).setEnvironment(parsedEnvironment)
                    .setServices(affected).setFaultTypes(parsedFaults)
                    .setStartedAt(started).setResolvedAt(parsedStatus == IncidentStatus.RESOLVED ? clock.instant() : null)
                    .setSummary(summary).setUrl(null).build();
        }

        private static <E extends Enum<E>> E value(String option, String text, Class<E> type) {
            return EnumNames.parse(text, type).orElseThrow(() -> new IllegalArgumentException(option + " '" + text
                    + "' is not one of " + EnumNames.names(type)));
        }

        private void publish(IncidentRecorded incident) {
            CliTopic.of(Topics.INCIDENTS, IncidentRecorded.class, services).publish(Map.of(id, incident),
                    "faultline-cli-incidents");
        }
    }
}
