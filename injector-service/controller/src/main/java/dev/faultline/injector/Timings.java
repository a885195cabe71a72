package dev.faultline.injector;

import java.time.Duration;

/**
 * The clock of an injection run: the lease's ttl and renewal period, the length of the BEFORE and AFTER phases,
 * how often evidence is published as a batch, how often guardrails are evaluated besides on each sample's arrival
 * (a sustained condition and a silent probe are a matter of time), and how long a guardrail's probe may stay silent
 * before the run counts as blind.
 */
public record Timings(Duration leaseTtl, Duration leaseRenew, Duration before, Duration after, Duration batch,
                      Duration guardrailInterval, Duration guardrailMaxSilence) {
}
