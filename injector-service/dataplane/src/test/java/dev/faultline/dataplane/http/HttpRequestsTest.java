package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {

    private final HttpActionTypes types = HttpActionTypes.builtIn();

    private HttpRuleSpec rule(String json) {
        return HttpRequests.newRule(Json.parse(json.getBytes(StandardCharsets.UTF_8)), types);
    }

    private void rejects(String json, String message) {
        assertThatThrownBy(() -> rule(json)).isInstanceOf(ApiException.class)
                .hasMessageContaining(message).extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }

    @Test
    void shouldApplyTheStatedDefaults() {
        HttpRuleSpec spec = rule("{\"type\":\"respond\"}");
        assertThat(spec.name()).isEqualTo("respond");
        assertThat(spec.share()).isEqualTo(1.0);
        assertThat(spec.match()).isEqualTo(HttpMatch.ANY);
        assertThat(spec.action()).isEqualTo(new RespondAction(503, null, "", null));
        assertThat(rule("{\"type\":\"corrupt_body\"}").action()).isEqualTo(new CorruptBodyAction(1, -1));
        assertThat(rule("{\"type\":\"abort\"}").action()).isEqualTo(new AbortAction("close"));
    }

    @Test
    void shouldReadEnvelopeMatchAndAttributes() {
        HttpRuleSpec spec = rule("{\"name\":\"slow-orders\",\"type\":\"delay\",\"share\":0.25,"
                + "\"match\":{\"method\":\"post\",\"path\":\"/orders/*\",\"path_match\":\"glob\",\"headers\":{\"X-Tenant\":\"blue\"}},"
                + "\"attributes\":{\"delay_ms\":250,\"jitter_ms\":50}}");
        assertThat(spec.name()).isEqualTo("slow-orders");
        assertThat(spec.share()).isEqualTo(0.25);
        assertThat(spec.match().method()).isEqualTo("POST");
        assertThat(spec.match().path()).isEqualTo(new PathPattern("/orders/*", PathPattern.Kind.GLOB));
        assertThat(spec.match().headers()).containsEntry("X-Tenant", "blue");
        assertThat(spec.action()).isEqualTo(new DelayAction(250, 50));
    }

    @Test
    void shouldKeepResponseHeadersInTheirOrder() {
        RespondAction action = (RespondAction) rule("{\"type\":\"respond\",\"attributes\":{\"status\":429,"
                + "\"headers\":{\"Retry-After\":\"5\",\"X-B\":\"2\",\"X-A\":\"1\"}}}").action();
        assertThat(action.headers().keySet()).containsExactly("Retry-After", "X-B", "X-A");
    }

    @Test
    void shouldRejectBadEnvelopes() {
        rejects("{}", "unknown action type 'null'");
        rejects("{\"type\":\"teapot\"}", "known types: respond, delay, replace_body, corrupt_body, abort");
        rejects("{\"type\":\"respond\",\"share\":1.5}", "share must be a number from 0 to 1");
        rejects("{\"type\":\"respond\",\"share\":\"half\"}", "share must be a number");
        rejects("{\"type\":\"respond\",\"share\":-0.1}", "share");
        rejects("{\"type\":\"respond\",\"stream\":\"up\"}", "unknown field 'stream'");
        rejects("{\"type\":\"respond\",\"match\":{\"host\":\"x\"}}", "unknown field 'host'");
        rejects("{\"type\":\"respond\",\"match\":{\"headers\":{\"X\":1}}}", "match.headers.X must be a string");
        rejects("{\"type\":\"respond\",\"name\":\"\"}", "rule name must be non-blank");
        rejects("[]", "JSON object");
    }

    @Test
    void shouldRejectBadAttributesNamingThemAndTheirUnits() {
        rejects("{\"type\":\"respond\",\"attributes\":{\"status\":99}}", "'status' must be an HTTP status code from 200 to 599, was 99");
        rejects("{\"type\":\"respond\",\"attributes\":{\"status\":600}}", "was 600");
        rejects("{\"type\":\"respond\",\"attributes\":{\"headers\":{\"Content-Length\":\"3\"}}}", "may not set Content-Length");
        rejects("{\"type\":\"respond\",\"attributes\":[]}", "'attributes' of a respond rule must be a JSON object");
        rejects("{\"type\":\"delay\",\"attributes\":{\"delay_ms\":700000}}", "'delay_ms' must be from 0 to 600000 ms");
        rejects("{\"type\":\"delay\",\"attributes\":{\"delay_ms\":10,\"jitter_ms\":20}}", "'jitter_ms' must be from 0 to delay_ms (10) ms");
        rejects("{\"type\":\"delay\",\"attributes\":{\"delay_ms\":\"soon\"}}", "'delay_ms' has the wrong type");
        rejects("{\"type\":\"corrupt_body\",\"attributes\":{\"flip_every\":0}}", "would change nothing");
        rejects("{\"type\":\"corrupt_body\",\"attributes\":{\"truncate_to\":-5}}", "'truncate_to' must be >= 0 bytes, or -1");
        rejects("{\"type\":\"abort\",\"attributes\":{\"mode\":\"explode\"}}", "'mode' must be 'close' or 'reset'");
        rejects("{\"type\":\"replace_body\",\"attributes\":{\"text\":\"x\"}}", "unknown attribute 'text' for action replace_body; known attributes: body, content_type");
    }

    @Test
    void shouldReadOrRejectTheLease() {
        assertThat(HttpRequests.lease(Json.parse("{}".getBytes()))).isNull();
        var terms = HttpRequests.lease(Json.parse("{\"lease\":{\"holder\":\"ctl\",\"ttl_ms\":1500}}".getBytes()));
        assertThat(terms.holder()).isEqualTo("ctl");
        assertThat(terms.ttl()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> HttpRequests.lease(Json.parse("{\"lease\":{\"holder\":\"ctl\"}}".getBytes())))
                .hasMessageContaining("lease.ttl_ms must be a positive whole number of milliseconds");
        assertThatThrownBy(() -> HttpRequests.lease(Json.parse("{\"lease\":{\"ttl_ms\":5}}".getBytes())))
                .hasMessageContaining("lease.holder is required");
    }
}
