package dev.faultline.injector;

import java.time.Duration;

/**
 * The clock of an injection run: the lease's ttl and renewal period, the length of the BEFORE and AFTER phases,
 * how often evidence is published as a batch and how often guardrails are evaluated.
 */
public record Timings(Duration leaseTtl, Duration leaseRenew, Duration before, Duration after, Duration batch,
                      Duration guardrailInterval) {
}
