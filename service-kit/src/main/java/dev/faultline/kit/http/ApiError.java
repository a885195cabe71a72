package dev.faultline.kit.http;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of every 4xx/5xx a Faultline service answers: what went wrong, and the individual reasons if several. */
@Serdeable
public record ApiError(int status, String error, List<String> reasons) {
}
