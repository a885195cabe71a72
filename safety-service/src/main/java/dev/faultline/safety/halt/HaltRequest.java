package dev.faultline.safety.halt;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /halts}.
 *
 * @param by not accepted: who halts is the caller's token subject
 */
@Serdeable
public record HaltRequest(String scope, String experimentId, String environment, String by, String reason) {
}
