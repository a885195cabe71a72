package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpMatchTest {

    private static HttpRequest request(String method, String uri, String... headers) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().add(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static HttpMatch path(String path, PathPattern.Kind kind) {
        return new HttpMatch(null, new PathPattern(path, kind), Map.of());
    }

    @Test
    void shouldMatchEveryRequestByDefault() {
        assertThat(HttpMatch.ANY.matches(request("DELETE", "/anything?x=1"))).isTrue();
    }

    @Test
    void shouldMatchExactPathIgnoringTheQuery() {
        HttpMatch exact = path("/orders", PathPattern.Kind.EXACT);
        assertThat(exact.matches(request("GET", "/orders?page=2"))).isTrue();
        assertThat(exact.matches(request("GET", "/orders/1"))).isFalse();
        assertThat(exact.matches(request("GET", "/order"))).isFalse();
    }

    @Test
    void shouldMatchPathPrefix() {
        HttpMatch prefix = path("/api/", PathPattern.Kind.PREFIX);
        assertThat(prefix.matches(request("GET", "/api/v1/prices"))).isTrue();
        assertThat(prefix.matches(request("GET", "/apix"))).isFalse();
    }

    @Test
    void shouldMatchGlobsWithinAndAcrossSegments() {
        HttpMatch glob = path("/v?/items/*/price", PathPattern.Kind.GLOB);
        assertThat(glob.matches(request("GET", "/v2/items/42/price"))).isTrue();
        assertThat(glob.matches(request("GET", "/v2/items/4/2/price"))).isFalse();
        assertThat(glob.matches(request("GET", "/v10/items/42/price"))).isFalse();
        HttpMatch deep = path("/static/**.js", PathPattern.Kind.GLOB);
        assertThat(deep.matches(request("GET", "/static/a/b/app.js"))).isTrue();
        assertThat(deep.matches(request("GET", "/static/a/b/app.css"))).isFalse();
        assertThat(path("/a.b", PathPattern.Kind.GLOB).matches(request("GET", "/axb"))).as("dots are literal").isFalse();
    }

    @Test
    void shouldMatchAbsoluteFormTargetsByTheirPath() {
        assertThat(path("/orders", PathPattern.Kind.EXACT).matches(request("GET", "http://pricing:8080/orders?x"))).isTrue();
        assertThat(HttpMatch.pathOf("http://pricing:8080")).isEqualTo("/");
    }

    @Test
    void shouldMatchMethodCaseInsensitivelyAsConfigured() {
        HttpMatch get = new HttpMatch("get", PathPattern.ANY, Map.of());
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.matches(request("GET", "/"))).isTrue();
        assertThat(get.matches(request("POST", "/"))).isFalse();
    }

    @Test
    void shouldRequireEveryHeaderWithCaseInsensitiveNamesAndExactValues() {
        HttpMatch tenant = new HttpMatch(null, PathPattern.ANY, Map.of("X-Tenant", "blue", "X-Canary", "1"));
        assertThat(tenant.matches(request("GET", "/", "x-tenant", "blue", "X-CANARY", "1"))).isTrue();
        assertThat(tenant.matches(request("GET", "/", "X-Tenant", "red", "X-Tenant", "blue", "X-Canary", "1"))).isTrue();
        assertThat(tenant.matches(request("GET", "/", "X-Tenant", "Blue", "X-Canary", "1"))).isFalse();
        assertThat(tenant.matches(request("GET", "/", "X-Tenant", "blue"))).isFalse();
    }

    @Test
    void shouldRejectBadPatterns() {
        assertThatThrownBy(() -> new PathPattern("orders", PathPattern.Kind.PREFIX)).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathPattern.Kind.parse("regex")).hasMessageContaining("exact, prefix, glob");
        assertThatThrownBy(() -> new HttpMatch("GE T", PathPattern.ANY, Map.of())).hasMessageContaining("match.method");
    }
}
