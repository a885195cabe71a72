package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Check;
import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.host.Poll;
import dev.faultline.agent.host.ProcessIdentity;
import dev.faultline.agent.host.ProcessInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The processes a {@link KillFault} killed, and the look-out for their replacements. */
final class KilledProcesses implements Effect {

    private static final Duration GONE_DEADLINE = Duration.ofSeconds(5);

    private final Pattern pattern;
    private final List<ProcessIdentity> killed;
    private final Duration grace;
    private final Host host;

    private KilledProcesses(Pattern pattern, List<ProcessIdentity> killed, Duration grace, Host host) {
        this.pattern = pattern;
        this.killed = killed;
        this.grace = grace;
        this.host = host;
    }

    static KilledProcesses kill(Pattern pattern, List<ProcessInfo> targets, int graceMillis, Host host) {
        List<ProcessIdentity> identities = targets.stream().map(ProcessInfo::identity).toList();
        identities.forEach(host.signals()::kill);
        KilledProcesses killed = new KilledProcesses(pattern, identities, Duration.ofMillis(graceMillis), host);
        if (!Poll.until(killed::allGone, GONE_DEADLINE)) {
            throw new IllegalStateException("processes still running " + GONE_DEADLINE.toSeconds() + " s after SIGKILL: "
                    + identities.stream().filter(i -> running(i, host)).map(ProcessIdentity::pid).toList());
        }
        return killed;
    }

    @Override
    public Check check() {
        Map<String, Object> evidence = evidence();
        return Check.of(allGone(), "killed " + pids() + "; running again: " + evidence.get("newPids"), evidence);
    }

    @Override
    public Check remove() {
        boolean back = Poll.until(() -> !replacements().isEmpty(), grace);
        Map<String, Object> evidence = evidence();
        evidence.put("back", back);
        return Check.ok(back ? "back: killed " + pids() + ", now running as " + evidence.get("newPids")
                : "not back: no process matching '" + pattern + "' running " + grace.toMillis() + " ms after the stop", evidence);
    }

    private Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("killedPids", pids());
        evidence.put("newPids", replacements().stream().map(ProcessInfo::pid).toList());
        return evidence;
    }

    /** Matching processes that are not the ones killed: a supervisor brought the target back. */
    private List<ProcessInfo> replacements() {
        return host.processes().matching(pattern).stream().filter(p -> killed.stream().noneMatch(p::sameAs)).toList();
    }

    private boolean allGone() {
        return killed.stream().noneMatch(i -> running(i, host));
    }

    private static boolean running(ProcessIdentity identity, Host host) {
        return host.processes().find(identity).map(p -> !p.isZombie()).orElse(false);
    }

    private List<Long> pids() {
        return killed.stream().map(ProcessIdentity::pid).toList();
    }
}
