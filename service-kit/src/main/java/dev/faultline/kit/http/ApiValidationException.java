package dev.faultline.kit.http;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** A request rejected for several reasons at once (e.g. a lint), each of which the caller can fix. */
public class ApiValidationException extends ApiException {

    private final List<String> reasons;

    public ApiValidationException(HttpStatus status, String message, List<String> reasons) {
        super(status, message + ": " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
