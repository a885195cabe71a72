package dev.faultline.safety.envelope;

import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.CalendarRule;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.safety.calendar.OnCallRule;
import dev.faultline.safety.incident.OpenIncidents;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.target.DeclaredTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The envelope about time and people around one plan: the deployment calendar, who is on call, open incidents —
 * checked before the run (DEPLOYMENT_CALENDAR, ON_CALL, NO_OPEN_INCIDENT) and again while it runs
 * ({@link #stopReason}). A plan's dependencies are the one its fault names plus those its target declares.
 */
public final class TimeEnvelope {

    private final SafetyPolicy policy;
    private final DeploymentCalendar calendar;
    private final OpenIncidents incidents;
    private final DeclaredTargets targets;
    private final Duration deployMargin;

    public TimeEnvelope(SafetyPolicy policy, DeploymentCalendar calendar, OpenIncidents incidents,
                        DeclaredTargets targets, Duration deployMargin) {
        this.policy = policy;
        this.calendar = calendar;
        this.incidents = incidents;
        this.targets = targets;
        this.deployMargin = deployMargin;
    }

    public CheckResult calendar(Plan plan, Instant start, Instant end) {
        return CalendarRule.check(plan.environment(), withDependencies(plan), start, end, calendar.all(), deployMargin);
    }

    public CheckResult onCall(Plan plan, Instant start, Instant end) {
        return OnCallRule.check(plan.environment(), onCallNames(plan), start, end, onCallRequired(plan), calendar.all());
    }

    public CheckResult incidents(Plan plan) {
        return incidents.check(plan.environment(), withDependencies(plan));
    }

    /**
     * Why a run of {@code plan} must stop at {@code now}, or empty: a freeze or maintenance in force on its service or
     * a dependency, an open incident there, or (where someone must be on call) a gap in the shifts before
     * {@code deadline}.
     */
    public Optional<String> stopReason(Plan plan, Instant now, Instant deadline) {
        Set<String> names = withDependencies(plan);
        List<CalendarEntry> stopping = CalendarRule.stopping(plan.environment(), names, now, calendar.all());
        if (!stopping.isEmpty()) {
            return Optional.of(stopping.get(0).describe() + " is in force");
        }
        List<OpenIncidents.Incident> open = incidents.affecting(plan.environment(), names);
        if (!open.isEmpty()) {
            return Optional.of(open.get(0).describe() + " is open");
        }
        if (onCallRequired(plan) && now.isBefore(deadline)) {
            return OnCallRule.firstGap(plan.environment(), onCallNames(plan), now, deadline, calendar.all())
                    .map(gap -> "no one is on call for " + plan.service() + " in " + plan.environment() + " from " + gap
                            + " (before the run's deadline " + deadline + ")");
        }
        return Optional.empty();
    }

    private Set<String> withDependencies(Plan plan) {
        Set<String> names = new HashSet<>(targets.dependencies(plan.environment(), plan.service()));
        names.add(plan.service());
        if (plan.dependency() != null) {
            names.add(plan.dependency());
        }
        return names;
    }

    private Set<String> onCallNames(Plan plan) {
        Set<String> names = new HashSet<>();
        names.add(plan.service());
        targets.rotation(plan.environment(), plan.service()).ifPresent(names::add);
        return names;
    }

    private boolean onCallRequired(Plan plan) {
        return policy.policyFor(plan.environment()).map(EnvironmentPolicy::onCallRequired).orElse(true);
    }
}
