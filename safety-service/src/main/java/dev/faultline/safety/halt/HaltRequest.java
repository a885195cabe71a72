package dev.faultline.safety.halt;

import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /halts}. */
@Serdeable
public record HaltRequest(String scope, String experimentId, String environment, String by, String reason) {
}
