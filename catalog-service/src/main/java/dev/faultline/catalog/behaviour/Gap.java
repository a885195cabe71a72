package dev.faultline.catalog.behaviour;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Something the catalog does not know well: an expected failure mode of a service that was never tested
 * ({@code tested} false), or an entry last tested longer ago than the stale-after period ({@code stale} true).
 */
@Serdeable
public record Gap(String service, String faultType, boolean tested, boolean stale, @Nullable Instant lastTestedAt,
                  String reason) {
}
