package dev.faultline.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CLIENT spans for the JDK {@code HttpClient} calls services make (probes, the rollback dry run, the data plane):
 * the child of the current context, its W3C context sent in the request's headers so that a target which traces
 * joins the experiment's trace. micronaut-tracing instruments Micronaut's own HTTP client only.
 */
@Singleton
public class HttpClientSpans {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public HttpClientSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.faultline.kit.http-client");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** No spans and no trace headers. */
    public static HttpClientSpans disabled() {
        return new HttpClientSpans(OpenTelemetry.noop());
    }

    /** Starts the span of one request; add {@link ClientSpan#headers()} to the request and end the span with its outcome. */
    public ClientSpan start(String method, URI uri) {
        Span span = tracer.spanBuilder(method).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                .setAttribute(METHOD, method).setAttribute(URL, uri.toString())
                .setAttribute(SERVER, String.valueOf(uri.getHost())).setAttribute(PORT, (long) uri.getPort())
                .startSpan();
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(Context.current().with(span), headers, Map::put);
        return new ClientSpan(span, headers);
    }

    /** A started client span and the trace headers to send with its request. */
    public record ClientSpan(Span span, Map<String, String> headers) {

        /** Ends the span: an answer's status (5xx an error), or {@code error} when there was no answer. */
        public void end(Integer status, Throwable error) {
            if (status != null) {
                span.setAttribute(STATUS, (long) status);
                if (status >= 500) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            if (error != null) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            }
            span.end();
        }
    }
}
