package dev.faultline.injector.fault;

import java.time.Duration;

/** The lease a fault is created with: it removes itself if {@code holder} stops renewing it for {@code ttl}. */
public record Lease(String holder, Duration ttl) {
}
