package dev.faultline.agent.host;

/** A process as the state journal records it: its pid and its start time, so a reused pid is never signalled. */
public record ProcessIdentity(long pid, long startTime) {
}
