package dev.faultline.cli.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code faultline calendar add|cancel} publish, and the command lines they refuse before publishing anything. */
class CalendarCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    /** The author of an entry refused for a bad value: never asked (no token is needed to learn the value is bad). */
    private static final Supplier<String> NOBODY = () -> {
        throw new AssertionError("asked who publishes a refused entry");
    };

    private static CalendarCommand.Add add(String... args) {
        CalendarCommand.Add add = new CalendarCommand.Add();
        new CommandLine(add).parseArgs(args);
        return add;
    }

    @Test
    void shouldBuildAFreezeOfSeveralServices() {
        CalendarEntryPublished entry = add("--kind", "freeze", "--env", "staging", "--service", "storefront",
                "--service", "pricing", "--from", "2026-12-24T00:00:00Z", "--to", "2026-12-27T00:00:00Z", "--title",
                "holiday freeze", "--id", "f-1").entry(() -> "dora", CLOCK);
        assertThat(entry.getEntryId()).isEqualTo("f-1");
        assertThat(entry.getKind()).isEqualTo(CalendarEntryKind.FREEZE);
        assertThat(entry.getEnvironment()).isEqualTo(Environment.STAGING);
        assertThat(entry.getServices()).containsExactly("storefront", "pricing");
        assertThat(entry.getStartsAt()).isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
        assertThat(entry.getEndsAt()).isEqualTo(Instant.parse("2026-12-27T00:00:00Z"));
        assertThat(entry.getSource()).isEqualTo("faultline-cli");
        assertThat(entry.getCancelled()).isFalse();
        assertThat(entry.getHeader().getActor().getKind()).isEqualTo(ActorKind.PERSON);
        assertThat(entry.getHeader().getActor().getId()).isEqualTo("dora");
    }

    @Test
    void shouldBuildAnOnCallShiftOfARotationWithANewId() {
        CalendarEntryPublished entry = add("--kind", "ON_CALL_SHIFT", "--environment", "PRODUCTION", "--service",
                "shop-oncall", "--from", "2026-11-26T09:00:00Z", "--to", "2026-11-26T17:00:00Z", "--title", "primary",
                "--person", "dave").entry(() -> "dave", CLOCK);
        assertThat(entry.getEntryId()).startsWith("on-call-shift-");
        assertThat(entry.getPerson()).isEqualTo("dave");
        assertThat(entry.getServices()).isEqualTo(List.of("shop-oncall"));
    }

    @Test
    void shouldRefuseWhatSafetyServiceCouldNotUse() {
        assertThatThrownBy(() -> add("--kind", "party", "--from", "2026-11-26T09:00:00Z", "--to",
                "2026-11-26T10:00:00Z", "--title", "t").entry(NOBODY, CLOCK))
                .hasMessage("--kind 'party' is not one of [deployment-window, freeze, on-call-shift, maintenance]");
        assertThatThrownBy(() -> add("--kind", "freeze", "--from", "2026-11-26T10:00:00Z", "--to",
                "2026-11-26T09:00:00Z", "--title", "t").entry(NOBODY, CLOCK))
                .hasMessage("--to (2026-11-26T09:00:00Z) must be after --from (2026-11-26T10:00:00Z)");
        assertThatThrownBy(() -> add("--kind", "freeze", "--from", "tomorrow", "--to", "2026-11-26T09:00:00Z",
                "--title", "t").entry(NOBODY, CLOCK)).hasMessageContaining("--from 'tomorrow' is not an ISO-8601 instant");
        assertThatThrownBy(() -> add("--kind", "on-call-shift", "--from", "2026-11-26T09:00:00Z", "--to",
                "2026-11-26T10:00:00Z", "--title", "primary").entry(NOBODY, CLOCK))
                .hasMessage("an on-call shift needs --person (who is on call)");
    }

    @Test
    void shouldRepublishACancelledEntryUnderItsId() {
        CalendarEntryPublished entry = add("--kind", "maintenance", "--from", "2026-11-26T09:00:00Z", "--to",
                "2026-11-26T10:00:00Z", "--title", "db upgrade", "--id", "m-1").entry(() -> "dave", CLOCK);
        CalendarCommand.Cancel cancel = new CalendarCommand.Cancel();
        new CommandLine(cancel).parseArgs("m-1");
        CalendarEntryPublished cancelled = cancel.cancelled(entry, "erin", CLOCK);
        assertThat(cancelled.getCancelled()).isTrue();
        assertThat(cancelled.getEntryId()).isEqualTo("m-1");
        assertThat(cancelled.getTitle()).isEqualTo("db upgrade");
        assertThat(cancelled.getHeader().getActor().getId()).isEqualTo("erin");
    }

    @Test
    void shouldExitWithTwoAndPublishNothingOnABadValue() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FaultlineCli.run(List.of("calendar", "add", "--kind", "freeze", "--from", "x", "--to", "y",
                        "--title", "t", "--kafka", "127.0.0.1:1"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("calendar add: --from 'x' is not an ISO-8601"
                + " instant").contains("nothing published");
    }
}
