package dev.faultline.cli.calendar;

import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.ServiceOptions;
import dev.faultline.cli.declared.CliEventHeader;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.declarations.yaml.EnumNames;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline calendar add|cancel}: publishes deployment windows, freezes, maintenances and on-call shifts on
 * faultline.calendar as a deployment or paging tool would, for safety-service's time envelope (an entry that blocks
 * stops a running experiment too). An entry is republished by its id: {@code cancel} publishes it again, cancelled.
 * The signed-in user (the token's subject) is the author of both. Bad values are refused with what to write instead
 * (exit 2).
 */
@Command(name = "calendar", description = "Publish deployment windows, freezes, maintenances and on-call shifts.",
        subcommands = {CalendarCommand.Add.class, CalendarCommand.Cancel.class})
public final class CalendarCommand extends CommandGroup {

    private static final String CLIENT_ID = "faultline-cli-calendar";

    /** {@code faultline calendar add --kind K --env E --service S --from T --to T --title TEXT [--person P]}. */
    @Command(name = "add", description = "Publish a calendar entry on faultline.calendar.")
    public static final class Add extends GroupSubcommand {

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "freeze, maintenance, deployment-window or on-call-shift")
        String kind;

        @Option(names = {"--env", "--environment"}, defaultValue = "PRODUCTION", paramLabel = "ENVIRONMENT",
                description = "default ${DEFAULT-VALUE}")
        String environment;

        @Option(names = "--service", paramLabel = "S", description = "a service it applies to (for an on-call shift: a"
                + " service or the rotation it covers); repeatable; none = every service")
        List<String> affected = new ArrayList<>();

        @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "ISO-8601, e.g. 2026-12-24T00:00:00Z")
        String from;

        @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "ISO-8601, after --from")
        String to;

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what it is, in a line")
        String title;

        @Option(names = "--person", paramLabel = "PERSON", description = "who is on call (required for an on-call shift)")
        String person;

        @Option(names = "--id", paramLabel = "ID", description = "its id (republishing an id replaces the entry); default a new one")
        String id;

        @Option(names = "--source", defaultValue = "faultline-cli", paramLabel = "TOOL", description = "default ${DEFAULT-VALUE}")
        String source;

        @Override
        public Integer call() {
            CalendarEntryPublished entry;
            try {
                entry = entry(services::signedInUser, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                err().println("calendar add: " + e.getMessage() + "; nothing published");
                return 2;
            }
            topic(services).publish(Map.of(entry.getEntryId(), entry), CLIENT_ID);
            out().printf("%s: %s '%s' in %s on %s from %s to %s%n", entry.getEntryId(), entry.getKind(), title,
                    entry.getEnvironment(), entry.getServices().isEmpty() ? "every service" : entry.getServices(),
                    entry.getStartsAt(), entry.getEndsAt());
            return 0;
        }

        /** The entry the options describe, by {@code author} (asked once every value is known to be good). */
        CalendarEntryPublished entry(Supplier<String> author, Clock clock) {
            CalendarEntryKind parsedKind = value("--kind", kind, CalendarEntryKind.class);
            Environment parsedEnvironment = value("--env", environment, Environment.class);
            Instant start = instant("--from", from);
            Instant end = instant("--to", to);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
            }
            if (parsedKind == CalendarEntryKind.ON_CALL_SHIFT && (person == null || person.isBlank())) {
                throw new IllegalArgumentException("an on-call shift needs --person (who is on call)");
            }
            String entryId = id != null ? id : parsedKind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            return CalendarEntryPublished.newBuilder().setHeader(CliEventHeader.of(author.get(), clock)).setEntryId(entryId)
                    .setKind(parsedKind).setEnvironment(parsedEnvironment)
                    .setServices(affected).setStartsAt(start).setEndsAt(end).setTitle(title)
                    .setPerson(person).setSource(source).setCancelled(false).build();
        }
    }

    /** {@code faultline calendar cancel ID}: the entry published again, cancelled. */
    @Command(name = "cancel", description = "Cancel a calendar entry (published again with cancelled = true).")
    public static final class Cancel extends GroupSubcommand {

        @Parameters(paramLabel = "ID", description = "the entry's id")
        String id;

        @Override
        public Integer call() {
            String author = services.signedInUser();
            CliTopic<CalendarEntryPublished> topic = topic(services);
            CalendarEntryPublished entry = topic.current().get(id);
            if (entry == null) {
                err().println("calendar cancel: no entry " + id + " on " + Topics.CALENDAR.name()
                        + " (`faultline calendar add` prints the id it publishes)");
                return 2;
            }
            topic.publish(Map.of(id, cancelled(entry, author, Clock.systemUTC())), CLIENT_ID);
            out().printf("%s: %s '%s' cancelled%n", id, entry.getKind(), entry.getTitle());
            return 0;
        }

        CalendarEntryPublished cancelled(CalendarEntryPublished entry, String author, Clock clock) {
            return CalendarEntryPublished.newBuilder(entry).setHeader(CliEventHeader.of(author, clock)).setCancelled(true)
                    .build();
        }
    }

    private static CliTopic<CalendarEntryPublished> topic(ServiceOptions services) {
        return CliTopic.of(Topics.CALENDAR, CalendarEntryPublished.class, services);
    }

    private static Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 instant (e.g."
                    + " 2026-12-24T00:00:00Z)");
        }
    }

    private static <E extends Enum<E>> E value(String option, String text, Class<E> type) {
        return EnumNames.parse(text, type).orElseThrow(() -> new IllegalArgumentException(option + " '" + text
                + "' is not one of " + EnumNames.names(type)));
    }
}
