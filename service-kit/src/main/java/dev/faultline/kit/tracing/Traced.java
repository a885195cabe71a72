package dev.faultline.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** A started span made current; closing it leaves the scope and ends the span. */
public record Traced(Span span, Scope scope) implements AutoCloseable {

    /** Marks the span failed with {@code error}. */
    public void fail(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
