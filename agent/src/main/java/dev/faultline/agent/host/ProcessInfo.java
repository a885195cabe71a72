package dev.faultline.agent.host;

/**
 * One process as {@code /proc/<pid>} shows it. {@code startTime} (clock ticks after boot,
 * field 22 of {@code stat}) tells a process apart from a later one that reuses its pid.
 *
 * @param pid         process id
 * @param startTime   start time in clock ticks after boot
 * @param state       state letter from {@code /proc/<pid>/stat}: R, S, D, T (stopped), t, Z (zombie), ...
 * @param commandLine {@code /proc/<pid>/cmdline} with its arguments joined by single spaces
 */
public record ProcessInfo(long pid, long startTime, char state, String commandLine) {

    public boolean isStopped() {
        return state == 'T';
    }

    public boolean isZombie() {
        return state == 'Z' || state == 'X';
    }

    /** The same process (not a later one with its pid). */
    public boolean sameAs(ProcessIdentity identity) {
        return pid == identity.pid() && startTime == identity.startTime();
    }

    public ProcessIdentity identity() {
        return new ProcessIdentity(pid, startTime);
    }

    @Override
    public String toString() {
        return pid + " ('" + commandLine + "', state " + state + ")";
    }
}
