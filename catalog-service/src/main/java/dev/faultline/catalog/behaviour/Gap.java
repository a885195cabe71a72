package dev.faultline.catalog.behaviour;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Something the catalog does not know well: a declared service never tested under a failure mode its templates
 * cover ({@code tested} false; see {@link Expectations}), or an entry gone stale ({@code stale} true, {@code reason}
 * says why). {@code environments} and {@code dependencies} are the target's, for proposing the missing test.
 */
@Serdeable
public record Gap(String service, String faultType, boolean tested, boolean stale, @Nullable Instant lastTestedAt,
                  String reason, List<String> environments, List<String> dependencies) {
}
