package dev.faultline.hypothesis.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /experiments/{id}/reviews}.
 *
 * @param reviewer not accepted (400): the reviewer is the caller's token subject
 */
@Serdeable
public record ReviewRequest(@Nullable String reviewer, @Nullable String decision, @Nullable String comment,
                            @Nullable Changes changes) {
}
