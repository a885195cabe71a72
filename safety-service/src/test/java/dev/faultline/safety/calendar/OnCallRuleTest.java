package dev.faultline.safety.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnCallRuleTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant END = START.plusSeconds(90);
    /** The service and the rotation its target declares. */
    private static final Set<String> STOREFRONT = Set.of("storefront", "shop-oncall");

    private static CalendarEntry shift(String person, Set<String> covers, Instant from, Instant to) {
        return new CalendarEntry("shift-" + person, CalendarEntryKind.ON_CALL_SHIFT, Environment.PRODUCTION, covers,
                from, to, "primary", person, "pagerduty:shift-" + person);
    }

    private static CheckResult check(boolean required, CalendarEntry... shifts) {
        return OnCallRule.check(Environment.PRODUCTION, STOREFRONT, START, END, required, List.of(shifts));
    }

    @Test
    void shouldBlockWhenNoOneIsOnCall() {
        CheckResult result = check(true);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("PRODUCTION requires someone on call for shop-oncall or storefront for"
                + " the whole window 2026-11-26T12:00:00Z – 2026-11-26T12:01:30Z, but no ON_CALL_SHIFT covers"
                + " 2026-11-26T12:00:00Z");
    }

    @Test
    void shouldBlockWhenTheShiftEndsBeforeTheWindowNamingTheGap() {
        CheckResult result = check(true, shift("dave", Set.of("storefront"), START.minusSeconds(3600),
                START.plusSeconds(30)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).endsWith("no ON_CALL_SHIFT covers 2026-11-26T12:00:30Z");
        assertThat(result.details()).containsEntry("onCall", "dave").containsEntry("uncoveredFrom",
                "2026-11-26T12:00:30Z");
    }

    @Test
    void shouldPassWhenConsecutiveShiftsCoverTheWindowAndNameWhoIsOnCallAtTheStart() {
        CheckResult result = check(true,
                shift("dave", Set.of("shop-oncall"), START.minusSeconds(3600), START.plusSeconds(30)),
                shift("erin", Set.of("storefront"), START.plusSeconds(30), START.plusSeconds(3600)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).startsWith("dave is on call for shop-oncall or storefront");
        assertThat(result.details()).containsEntry("onCall", "dave");
    }

    @Test
    void shouldIgnoreShiftsOfOtherServicesOrEnvironments() {
        CalendarEntry checkout = shift("frank", Set.of("checkout"), START.minusSeconds(60), END.plusSeconds(60));
        CalendarEntry staging = new CalendarEntry("s", CalendarEntryKind.ON_CALL_SHIFT, Environment.STAGING, Set.of(),
                START.minusSeconds(60), END.plusSeconds(60), "primary", "gina", "pagerduty:s");
        assertThat(check(true, checkout, staging).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldNotRequireAnyoneWhereTheEnvironmentDoesNotButStillNameThem() {
        assertThat(check(false).outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);
        CheckResult named = check(false, shift("dave", Set.of(), START.minusSeconds(60), START.plusSeconds(10)));
        assertThat(named.outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);
        assertThat(named.details()).containsEntry("onCall", "dave");
    }

    @Test
    void shouldFindTheFirstGapBeforeADeadline() {
        List<CalendarEntry> shifts = List.of(shift("dave", Set.of("storefront"), START.minusSeconds(60),
                START.plusSeconds(30)));
        assertThat(OnCallRule.firstGap(Environment.PRODUCTION, STOREFRONT, START, START.plusSeconds(20), shifts))
                .isEmpty();
        assertThat(OnCallRule.firstGap(Environment.PRODUCTION, STOREFRONT, START, END, shifts))
                .contains(START.plusSeconds(30));
    }
}
