package dev.faultline.agent.fault;

import java.util.Map;

/**
 * How a fault ended: by a stop, its holder's release, or its lease lapsing; whether the undo
 * was verified on the host, what was measured, and how long the undo and its verification took.
 */
public record Removal(String name, String kind, String holder, boolean verified, String detail,
                      Map<String, Object> evidence, long millis) {
}
