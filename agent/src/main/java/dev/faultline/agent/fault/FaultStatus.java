package dev.faultline.agent.fault;

import java.time.Instant;

/**
 * A fault in force as the API shows it: identity, lease, attributes and a measurement of its
 * effect (when created: the check made on applying it; when listed: a check made now).
 */
public record FaultStatus(String name, String kind, String holder, long ttlMillis, Instant expiresAt, Instant createdAt,
                          HostFault attributes, Check effect) {
}
