package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.dataplane.DataPlane;
import dev.faultline.dataplane.DataPlaneConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The L7 management endpoints through the data plane's real management server: leases,
 * reset-all together with the L4 faults, and every refusal with its status and message.
 */
class HttpFaultApiIT {

    private TestUpstream upstream;
    private DataPlane plane;
    private Api api;
    private int proxyPort;

    @BeforeEach
    void start() {
        upstream = new TestUpstream();
        plane = DataPlane.start(DataPlaneConfig.defaults().withPort(0).withRandom(new Random(11))
                .withReapInterval(Duration.ofMillis(50)));
        api = new Api(plane.managementAddress());
        Api.Answer created = api.post("/http-proxies", "{\"name\":\"pricing\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        proxyPort = port(created.json().get("listen").asText());
    }

    @AfterEach
    void stop() {
        plane.close();
        upstream.close();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private int statusThroughProxy() throws Exception {
        try (RawHttp client = new RawHttp(proxyPort)) {
            return client.exchange(RawHttp.get("/echo")).status();
        }
    }

    @Test
    void aRuleNotRenewedRemovesItselfWhenItsLeaseExpires() throws Exception {
        Api.Answer rule = api.post("/http-proxies/pricing/rules",
                "{\"name\":\"down\",\"type\":\"respond\",\"lease\":{\"holder\":\"ctl-1\",\"ttl_ms\":1500}}");
        assertThat(rule.status()).isEqualTo(200);
        assertThat(rule.json().at("/lease/holder").asText()).isEqualTo("ctl-1");
        assertThat(rule.json().at("/lease/ttl_ms").asLong()).isEqualTo(1500);
        Instant firstExpiry = Instant.parse(rule.json().at("/lease/expires_at").asText());
        assertThat(statusThroughProxy()).isEqualTo(503);

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(firstExpiry.minusMillis(1000)));
        Api.Answer renewed = api.post("/leases/ctl-1/renew", "");
        assertThat(renewed.status()).isEqualTo(200);
        Instant secondExpiry = Instant.parse(api.get("/http-proxies/pricing/rules/down").json().at("/lease/expires_at").asText());
        assertThat(secondExpiry).isAfter(firstExpiry);
        assertThat(statusThroughProxy()).isEqualTo(503);

        await().atMost(Duration.ofSeconds(10)).until(() -> statusThroughProxy() == 200);
        assertThat(Instant.now()).isAfterOrEqualTo(secondExpiry);
        assertThat(api.get("/http-proxies/pricing/rules/down").status()).isEqualTo(404);
        assertThat(plane.leases().snapshot()).doesNotContainKey(HttpProxyRegistry.leaseKey("pricing", "down"));
    }

    @Test
    void aRuleWithoutLeaseGetsTheDefaultLease() {
        Api.Answer rule = api.post("/http-proxies/pricing/rules", "{\"type\":\"delay\",\"attributes\":{\"delay_ms\":5}}");
        assertThat(rule.json().get("name").asText()).isEqualTo("delay");
        assertThat(rule.json().at("/lease/ttl_ms").asLong()).isEqualTo(DataPlaneConfig.DEFAULT_LEASE.toMillis());
        assertThat(api.get("/leases").json().findValuesAsText("key")).contains("l7/pricing/rules/delay");
    }

    @Test
    void resetRemovesL7RulesAndL4ToxicsAtOnce() throws Exception {
        api.post("/http-proxies/pricing/rules", "{\"name\":\"down\",\"type\":\"respond\"}");
        api.post("/http-proxies/pricing/rules", "{\"name\":\"slow\",\"type\":\"delay\",\"match\":{\"path\":\"/x\"}}");
        assertThat(api.post("/proxies", "{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"}").status()).isEqualTo(201);
        assertThat(api.post("/proxies/db/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}").status()).isEqualTo(200);
        assertThat(statusThroughProxy()).isEqualTo(503);

        assertThat(api.post("/reset", "").status()).isEqualTo(204);

        assertThat(api.get("/http-proxies/pricing/rules").json()).isEmpty();
        assertThat(api.get("/proxies/db/toxics").json()).isEmpty();
        assertThat(api.get("/leases").json()).isEmpty();
        assertThat(statusThroughProxy()).isEqualTo(200);
        assertThat(api.get("/http-proxies/pricing").status()).isEqualTo(200);
    }

    /** The demo's route: a config file whose L4 proxy's upstream is an L7 proxy, so both fault layers act on one path. */
    @Test
    void aConfigFileChainsAnL4ProxyToAnL7Proxy() throws Exception {
        int l7Port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            l7Port = free.getLocalPort();
        }
        plane.populate(("{\"proxies\": [{\"name\": \"orders\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:" + l7Port + "\"}],"
                + " \"http_proxies\": [{\"name\": \"orders-http\", \"listen\": \"127.0.0.1:" + l7Port + "\", \"upstream\": \""
                + upstream.address() + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int l4Port = port(api.get("/proxies/orders").json().get("listen").asText());
        api.post("/http-proxies/orders-http/rules", "{\"name\":\"down\",\"type\":\"respond\",\"attributes\":{\"status\":503}}");

        try (RawHttp client = new RawHttp(l4Port)) {
            assertThat(client.exchange(RawHttp.get("/echo")).status()).as("the L7 rule acts behind the L4 proxy").isEqualTo(503);
        }
        assertThat(api.get("/http-proxies/orders-http/rules/down").json().at("/stats/applied").asLong()).isEqualTo(1);
        assertThat(api.delete("/http-proxies/orders-http/rules/down").status()).isEqualTo(204);
        try (RawHttp client = new RawHttp(l4Port)) {
            assertThat(client.exchange(RawHttp.get("/echo")).status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> plane.populate("{\"http_proxies\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("http_proxies must be a JSON array");
        assertThatThrownBy(() -> plane.populate("{\"http-proxies\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown: [http-proxies]");
    }

    @Test
    void deletingARuleAndAProxy() throws Exception {
        api.post("/http-proxies/pricing/rules", "{\"name\":\"down\",\"type\":\"respond\"}");
        assertThat(api.get("/http-proxies").json().has("pricing")).isTrue();
        assertThat(api.delete("/http-proxies/pricing/rules/down").status()).isEqualTo(204);
        assertThat(statusThroughProxy()).isEqualTo(200);
        assertThat(api.delete("/http-proxies/pricing").status()).isEqualTo(204);
        assertThat(api.get("/http-proxies").json().size()).isZero();
        assertThat(api.get("/leases").json()).isEmpty();
    }

    @Test
    void refusesBadRequestsWithClearMessages() {
        String rules = "/http-proxies/pricing/rules";
        expect(api.post("/http-proxies", "{\"name\":"), 400, "malformed JSON");
        expect(api.post("/http-proxies", "{\"name\":\"x\"}"), 400, "upstream");
        expect(api.post("/http-proxies", "{\"name\":\"x\",\"upstream\":\"nohost\"}"), 400, "host:port");
        expect(api.post("/http-proxies", "{\"name\":\"pricing\",\"upstream\":\"" + upstream.address() + "\"}"), 409, "already exists");
        expect(api.post("/http-proxies", "{\"name\":\"other\",\"listen\":\"127.0.0.1:" + proxyPort + "\",\"upstream\":\"" + upstream.address() + "\"}"),
                409, "already in use");
        expect(api.post("/http-proxies", "[1]"), 400, "JSON object");
        expect(api.get("/http-proxies/nope"), 404, "http proxy nope not found");
        expect(api.post("/http-proxies/nope/rules", "{\"type\":\"respond\"}"), 404, "http proxy nope not found");
        expect(api.post(rules, "{\"type\":\"explode\"}"), 400, "unknown action type 'explode'; known types: respond, delay, replace_body, corrupt_body, abort");
        expect(api.post(rules, "{\"type\":\"respond\",\"share\":1.5}"), 400, "share must be a number from 0 to 1");
        expect(api.post(rules, "{\"type\":\"respond\",\"attributes\":{\"status\":99}}"), 400, "'status' must be an HTTP status code from 200 to 599, was 99");
        expect(api.post(rules, "{\"type\":\"respond\",\"attributes\":{\"status\":\"x\"}}"), 400, "status");
        expect(api.post(rules, "{\"type\":\"delay\",\"attributes\":{\"latency\":5}}"), 400, "unknown attribute 'latency'");
        expect(api.post(rules, "{\"type\":\"delay\",\"attributes\":{\"delay_ms\":-1}}"), 400, "delay_ms");
        expect(api.post(rules, "{\"type\":\"respond\",\"toxicity\":0.5}"), 400, "unknown field 'toxicity'");
        expect(api.post(rules, "{\"type\":\"respond\",\"match\":{\"path\":\"orders\"}}"), 400, "match.path must start with '/'");
        expect(api.post(rules, "{\"type\":\"respond\",\"match\":{\"path_match\":\"regex\"}}"), 400, "exact, prefix, glob");
        expect(api.post(rules, "{\"type\":\"respond\",\"lease\":{\"ttl_ms\":100}}"), 400, "lease.holder is required");
        expect(api.post(rules, "{\"type\":\"respond\",\"lease\":{\"holder\":\"c\",\"ttl_ms\":0}}"), 400, "lease.ttl_ms");
        expect(api.post(rules, "{\"type\":\"respond\",\"name\":\"a/b\"}"), 400, "no '/'");
        assertThat(api.post(rules, "{\"type\":\"respond\",\"name\":\"down\"}").status()).isEqualTo(200);
        expect(api.post(rules, "{\"type\":\"abort\",\"name\":\"down\"}"), 409, "rule down already exists");
        expect(api.get(rules + "/nope"), 404, "rule nope not found on http proxy pricing");
        expect(api.delete(rules + "/nope"), 404, "rule nope not found");
        expect(api.put(rules, "{}"), 405, "allowed: GET, POST");
        expect(api.get("/http-proxies/pricing/toxics"), 404, "no such endpoint");
        assertThat(api.get(rules).json()).hasSize(1);
    }

    private static void expect(Api.Answer answer, int status, String message) {
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(status);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.error()).contains(message);
    }
}
