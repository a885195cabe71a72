package dev.faultline.safety.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.halt.Halt;
import dev.faultline.safety.incident.OpenIncidents;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.safety.support.InMemoryClaims;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.safety.target.DeclaredTargets;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.IncidentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MidRunWatchTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final DeploymentCalendar calendar = new DeploymentCalendar(List.of());
    private final OpenIncidents incidents = new OpenIncidents();
    private final DeclaredTargets targets = new DeclaredTargets();
    private final ActiveInjections injections = new ActiveInjections();
    private final ActiveHalts halts = new ActiveHalts();
    private final List<String> halted = new ArrayList<>();
    private final SteppingClock clock = new SteppingClock(START);
    private final InMemoryClaims claims = new InMemoryClaims();
    private Plan plan = Plans.staging(0.5);
    private MidRunWatch watch;

    @BeforeEach
    void start() {
        watch = new MidRunWatch(new TimeEnvelope(Policies.demo(), calendar, incidents, targets, Duration.ofMinutes(30)),
                injections, halts, id -> Optional.of(plan), (id, reason) -> halted.add(id + ": " + reason), clock,
                claims, "safety-1");
        watch.start();
        injections.started(new ActiveInjections.Running(UUID.randomUUID(), "exp-1", "storefront",
                START.plusSeconds(45)));
    }

    @Test
    void shouldLeaveARunAloneWhileItsEnvelopeHolds() {
        calendar.put(entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Set.of("storefront"), START.plusSeconds(10)));
        calendar.put(entry(CalendarEntryKind.FREEZE, Set.of("checkout"), START));
        assertThat(watch.sweep()).isZero();
        assertThat(halted).isEmpty();
    }

    @Test
    void shouldHaltOnceWhenAFreezeOfADependencyIsPublishedWithTheReason() {
        calendar.put(entry(CalendarEntryKind.FREEZE, Set.of("pricing"), START.minusSeconds(60)));
        assertThat(watch.sweep()).isEqualTo(1);
        assertThat(watch.sweep()).as("never twice for one injection").isZero();
        assertThat(halted).singleElement().asString().startsWith("exp-1: safety envelope: freeze 'release train'"
                + " (deploy-bot:FREEZE-1) from 2026-11-26T11:59:00Z").endsWith("on pricing is in force");
    }

    @Test
    void shouldHaltWhenAMaintenancePublishedAheadStarts() {
        calendar.put(entry(CalendarEntryKind.MAINTENANCE, Set.of("storefront"), START.plusSeconds(20)));
        assertThat(watch.sweep()).isZero();
        clock.now = START.plusSeconds(20);
        assertThat(watch.sweep()).isEqualTo(1);
        assertThat(halted).singleElement().asString().contains("maintenance 'release train'");
    }

    @Test
    void shouldHaltOnAnIncidentOpenedOnADeclaredDependency() {
        targets.declared(Environment.STAGING, "storefront", new DeclaredTargets.Declared(Set.of("inventory"), null));
        incidents.recorded(new OpenIncidents.Incident("INC-9", "inventory down", IncidentStatus.OPEN,
                Environment.STAGING, Set.of("inventory"), START));
        assertThat(watch.sweep()).isEqualTo(1);
        assertThat(halted).singleElement().asString().isEqualTo("exp-1: safety envelope: incident INC-9 'inventory"
                + " down' (OPEN since 2026-11-26T12:00:00Z) on inventory is open");
    }

    @Test
    void shouldHaltAProductionRunWhoseOnCallShiftIsCancelled() {
        plan = Plans.production(0.1);
        CalendarEntry shift = new CalendarEntry("s-1", CalendarEntryKind.ON_CALL_SHIFT, Environment.PRODUCTION,
                Set.of("storefront"), START.minusSeconds(3600), START.plusSeconds(3600), "primary", "dave", "pd:s-1");
        calendar.put(shift);
        assertThat(watch.sweep()).isZero();
        calendar.remove(shift.id());
        assertThat(watch.sweep()).isEqualTo(1);
        assertThat(halted).singleElement().asString().contains("no one is on call for storefront in PRODUCTION from "
                + START);
    }

    @Test
    void shouldLeaveARunAloneThatAHaltAlreadyStops() {
        halts.requested(new Halt(UUID.randomUUID(), HaltScope.EXPERIMENT, "exp-1", null, "ops"));
        calendar.put(entry(CalendarEntryKind.FREEZE, Set.of(), START));
        assertThat(watch.sweep()).isZero();
    }

    @Test
    void shouldHaltARunOnceWhenTwoInstancesWatchIt() {
        List<String> byTheOther = new ArrayList<>();
        MidRunWatch other = new MidRunWatch(new TimeEnvelope(Policies.demo(), calendar, incidents, targets,
                Duration.ofMinutes(30)), injections, halts, id -> Optional.of(plan),
                (id, reason) -> byTheOther.add(id + ": " + reason), clock, claims, "safety-2");
        other.start();
        calendar.put(entry(CalendarEntryKind.FREEZE, Set.of(), START));

        assertThat(other.sweep() + watch.sweep()).isEqualTo(1);
        assertThat(byTheOther).singleElement().asString().startsWith("exp-1: safety envelope: ");
        assertThat(halted).isEmpty();
        assertThat(watch.sweep() + other.sweep()).as("no second try either").isZero();
    }

    @Test
    void shouldNotSweepBeforeTheReadModelsAreReplayed() {
        MidRunWatch notStarted = new MidRunWatch(new TimeEnvelope(Policies.demo(), calendar, incidents, targets,
                Duration.ZERO), injections, halts, id -> Optional.of(plan), (id, reason) -> halted.add(id), clock, claims,
                "safety-1");
        calendar.put(entry(CalendarEntryKind.FREEZE, Set.of(), START));
        assertThat(notStarted.sweep()).isZero();
    }

    private static CalendarEntry entry(CalendarEntryKind kind, Set<String> services, Instant from) {
        return new CalendarEntry(kind + "-1", kind, Environment.STAGING, services, from, from.plusSeconds(3600),
                "release train", null, "deploy-bot:" + kind + "-1");
    }

    /** A clock the test moves. */
    private static final class SteppingClock extends Clock {
        Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
