package dev.faultline.agent.fault;

import java.time.Instant;

/**
 * A fault in force: its order's identity, its parsed attributes, the effect to measure and
 * undo, and the check made when it was applied.
 */
public record ActiveFault(String name, String kind, String holder, HostFault attributes, Effect effect, Check applied,
                          Instant createdAt) {
}
