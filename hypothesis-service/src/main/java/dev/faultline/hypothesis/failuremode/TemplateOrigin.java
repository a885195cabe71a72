package dev.faultline.hypothesis.failuremode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where a failure-mode template came from: {@code built-in} (shipped in this service, {@code source} is its
 * resource) or {@code added} by a person with {@code faultline failure-modes add} (then {@code addedBy},
 * {@code addedAt}, the file it came from and, when derived from one, the incident).
 */
@Serdeable
public record TemplateOrigin(String kind, String source, @Nullable String addedBy, @Nullable Instant addedAt,
                             @Nullable String incidentId) {

    public static final String BUILT_IN = "built-in";
    public static final String ADDED = "added";

    public static TemplateOrigin builtIn(String resource) {
        return new TemplateOrigin(BUILT_IN, resource, null, null, null);
    }

    public boolean isBuiltIn() {
        return BUILT_IN.equals(kind);
    }
}
