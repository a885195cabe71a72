package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.dataplane.DataPlane;
import dev.faultline.dataplane.DataPlaneConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The L7 proxy over real loopback sockets: a real upstream, raw clients, the management API.
 * Pass-through answers are compared byte for byte with the same request sent directly.
 */
class HttpFaultProxyIT {

    private TestUpstream upstream;
    private DataPlane plane;
    private Api api;
    private int proxyPort;

    @BeforeEach
    void start() {
        upstream = new TestUpstream();
        plane = DataPlane.start(DataPlaneConfig.defaults().withPort(0).withRandom(new Random(7))
                .withReapInterval(Duration.ofMillis(50)));
        api = new Api(plane.managementAddress());
        Api.Answer created = api.post("/http-proxies", "{\"name\":\"pricing\",\"upstream\":\"" + upstream.address() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String listen = created.json().get("listen").asText();
        proxyPort = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    @AfterEach
    void stop() {
        plane.close();
        upstream.close();
    }

    private void rule(String json) {
        Api.Answer answer = api.post("/http-proxies/pricing/rules", json);
        assertThat(answer.status()).as("create rule: %s", answer.json()).isEqualTo(200);
    }

    @Test
    void passThroughIsByteIdenticalToDirect() throws Exception {
        List<String> requests = List.of(
                RawHttp.get("/echo?id=1"),
                RawHttp.get("/missing/page"),
                RawHttp.get("/bytes/70000"),
                RawHttp.get("/chunked"),
                "HEAD /echo HTTP/1.1\r\nHost: upstream\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: upstream\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
                "POST /echo HTTP/1.1\r\nHost: upstream\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n");
        try (RawHttp direct = new RawHttp(upstream.port()); RawHttp proxied = new RawHttp(proxyPort)) {
            for (String request : requests) {
                RawHttp.Response expected = direct.exchange(request);
                RawHttp.Response actual = proxied.exchange(request);
                assertThat(actual.raw()).as("response to %s", request.lines().findFirst().orElseThrow()).isEqualTo(expected.raw());
            }
        }
        RawHttp.Response chunkedEcho;
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            chunkedEcho = proxied.exchange(requests.get(6));
        }
        assertThat(chunkedEcho.bodyText()).isEqualTo("POST /echo\nhello world");
    }

    @Test
    void expectContinueGetsTheInterimResponseThenTheFinalOne() throws Exception {
        String head = "POST /echo HTTP/1.1\r\nHost: upstream\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
        try (RawHttp direct = new RawHttp(upstream.port()); RawHttp proxied = new RawHttp(proxyPort)) {
            for (RawHttp client : List.of(direct, proxied)) {
                client.send(head);
                assertThat(client.read().status()).isEqualTo(100);
                client.send("hello");
                assertThat(client.read().bodyText()).isEqualTo("POST /echo\nhello");
                assertThat(client.exchange(RawHttp.get("/echo?after=1")).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void shareOfMatchingRequestsGetsTheFaultAndTheRestAreUntouched() throws Exception {
        rule("{\"name\":\"flaky\",\"type\":\"respond\",\"share\":0.3,\"match\":{\"method\":\"GET\",\"path\":\"/echo\"},"
                + "\"attributes\":{\"status\":503,\"headers\":{\"Retry-After\":\"5\"}}}");
        int total = 400;
        int faulted = 0;
        try (RawHttp direct = new RawHttp(upstream.port()); RawHttp proxied = new RawHttp(proxyPort)) {
            for (int i = 0; i < total; i++) {
                String request = RawHttp.get("/echo?id=" + i);
                RawHttp.Response actual = proxied.exchange(request);
                if (actual.status() == 503) {
                    faulted++;
                    assertThat(actual.header("Retry-After")).isEqualTo("5");
                    assertThat(actual.header("Content-Length")).isEqualTo("0");
                } else {
                    assertThat(actual.raw()).isEqualTo(direct.exchange(request).raw());
                }
            }
            // a request the rule does not match is never affected
            for (int i = 0; i < 50; i++) {
                String other = "POST /echo HTTP/1.1\r\nHost: upstream\r\nContent-Length: 2\r\n\r\nhi";
                assertThat(proxied.exchange(other).raw()).isEqualTo(direct.exchange(other).raw());
            }
        }
        assertThat(faulted).isBetween(100, 140);
        Api.Answer stats = api.get("/http-proxies/pricing/rules/flaky");
        assertThat(stats.json().at("/stats/matched").asLong()).isEqualTo(total);
        assertThat(stats.json().at("/stats/applied").asLong()).isEqualTo(faulted);
        // faulted requests never reached upstream: proxied + direct for the others, and 50 + 50 unmatched
        assertThat(upstream.requests()).isEqualTo(2 * (total - faulted) + 100);
    }

    @Test
    void respondsWithStatusHeadersAndBodyWithoutAskingUpstream() throws Exception {
        rule("{\"name\":\"down\",\"type\":\"respond\",\"match\":{\"path\":\"/orders\",\"path_match\":\"exact\"},"
                + "\"attributes\":{\"status\":503,\"headers\":{\"Retry-After\":\"5\",\"X-Fault\":\"faultline\"},\"body\":\"try later\"}}");
        rule("{\"name\":\"plain\",\"type\":\"respond\",\"match\":{\"path\":\"/v*/items/**\",\"path_match\":\"glob\"}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            RawHttp.Response withRetry = proxied.exchange(RawHttp.get("/orders"));
            assertThat(withRetry.status()).isEqualTo(503);
            assertThat(withRetry.headers()).extracting(h -> h[0] + ": " + h[1])
                    .containsExactly("Retry-After: 5", "X-Fault: faultline", "Content-Type: text/plain; charset=utf-8", "Content-Length: 9");
            assertThat(withRetry.bodyText()).isEqualTo("try later");
            RawHttp.Response noRetry = proxied.exchange(RawHttp.get("/v2/items/7/price"));
            assertThat(noRetry.status()).isEqualTo(503);
            assertThat(noRetry.header("Retry-After")).isNull();
            assertThat(proxied.exchange(RawHttp.get("/orders/1")).status()).isEqualTo(200);
        }
        assertThat(upstream.requests()).isEqualTo(1);
    }

    @Test
    void delayAddsTheConfiguredTimeRelativeToABaseline() throws Exception {
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            long baseline = medianMillis(proxied, 9);
            rule("{\"name\":\"slow\",\"type\":\"delay\",\"attributes\":{\"delay_ms\":300}}");
            long delayed = medianMillis(proxied, 9);
            assertThat(delayed - baseline).isBetween(270L, 330L);
        }
    }

    private static long medianMillis(RawHttp client, int n) throws Exception {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            assertThat(client.exchange(RawHttp.get("/echo?t=" + i)).status()).isEqualTo(200);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[n / 2];
    }

    @Test
    void aRequestAlreadyDelayedFinishesItsDelayWhenTheRuleIsRemoved() throws Exception {
        rule("{\"name\":\"slow\",\"type\":\"delay\",\"attributes\":{\"delay_ms\":1500}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            long start = System.nanoTime();
            proxied.send(RawHttp.get("/echo?id=held"));
            await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/http-proxies/pricing/rules/slow").json().at("/stats/applied").asLong() == 1);
            assertThat(api.delete("/http-proxies/pricing/rules/slow").status()).isEqualTo(204);
            assertThat(proxied.read().bodyText()).startsWith("GET /echo?id=held");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1500);
            long next = System.nanoTime();
            assertThat(proxied.exchange(RawHttp.get("/echo?id=next")).status()).isEqualTo(200);
            assertThat((System.nanoTime() - next) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void replacesTheBodyAndKeepsStatusAndOtherHeaders() throws Exception {
        rule("{\"name\":\"garbage\",\"type\":\"replace_body\",\"match\":{\"path\":\"/echo\"},"
                + "\"attributes\":{\"body\":\"{\\\"price\\\":null}\",\"content_type\":\"application/json\"}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            RawHttp.Response replaced = proxied.exchange(RawHttp.get("/echo?id=1"));
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.bodyText()).isEqualTo("{\"price\":null}");
            assertThat(replaced.header("Content-Type")).isEqualTo("application/json");
            assertThat(replaced.header("Content-Length")).isEqualTo("14");
            assertThat(replaced.header("X-Upstream")).isEqualTo("yes");
            // the connection stays usable: framing was valid
            assertThat(proxied.exchange(RawHttp.get("/bytes/10")).body()).isEqualTo(TestUpstream.pattern(10));
        }
    }

    @Test
    void corruptsBodiesWithValidFraming() throws Exception {
        rule("{\"name\":\"flip\",\"type\":\"corrupt_body\",\"match\":{\"path\":\"/bytes/1000\",\"path_match\":\"exact\"}}");
        rule("{\"name\":\"cut\",\"type\":\"corrupt_body\",\"match\":{\"path\":\"/bytes/2000\",\"path_match\":\"exact\"},"
                + "\"attributes\":{\"flip_every\":0,\"truncate_to\":100}}");
        rule("{\"name\":\"cut-chunks\",\"type\":\"corrupt_body\",\"match\":{\"path\":\"/chunked\"},"
                + "\"attributes\":{\"flip_every\":0,\"truncate_to\":10}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            RawHttp.Response flipped = proxied.exchange(RawHttp.get("/bytes/1000"));
            byte[] expected = TestUpstream.pattern(1000);
            for (int i = 0; i < expected.length; i++) {
                expected[i] ^= (byte) 0xFF;
            }
            assertThat(flipped.body()).isEqualTo(expected);
            assertThat(flipped.header("Content-Length")).isEqualTo("1000");

            RawHttp.Response truncated = proxied.exchange(RawHttp.get("/bytes/2000"));
            assertThat(truncated.header("Content-Length")).isEqualTo("100");
            assertThat(truncated.body()).isEqualTo(Arrays.copyOf(TestUpstream.pattern(2000), 100));

            RawHttp.Response chunks = proxied.exchange(RawHttp.get("/chunked"));
            assertThat(chunks.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(chunks.bodyText()).isEqualTo("part-1\npar");

            assertThat(proxied.exchange(RawHttp.get("/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void keepsOneUpstreamConnectionPerClientConnection() throws Exception {
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            for (int i = 0; i < 200; i++) {
                assertThat(proxied.exchange(RawHttp.get("/echo?id=" + i)).bodyText()).startsWith("GET /echo?id=" + i + "\n");
            }
        }
        assertThat(upstream.requests()).isEqualTo(200);
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    void pipelinedResponsesComeBackInRequestOrderWithAFaultInTheMiddle() throws Exception {
        rule("{\"name\":\"teapot\",\"type\":\"respond\",\"match\":{\"path\":\"/fault\"},\"attributes\":{\"status\":418}}");
        rule("{\"name\":\"slow\",\"type\":\"delay\",\"match\":{\"path\":\"/slow\"},\"attributes\":{\"delay_ms\":200}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            proxied.send(RawHttp.get("/echo?id=1") + RawHttp.get("/fault?id=2") + RawHttp.get("/echo?id=3"));
            assertThat(proxied.read().bodyText()).startsWith("GET /echo?id=1");
            assertThat(proxied.read().status()).isEqualTo(418);
            assertThat(proxied.read().bodyText()).startsWith("GET /echo?id=3");

            // the synthetic answer is ready long before the delayed one, and still waits its turn
            proxied.send(RawHttp.get("/slow?id=4") + RawHttp.get("/fault?id=5") + RawHttp.get("/chunked"));
            assertThat(proxied.read().bodyText()).startsWith("GET /slow?id=4");
            assertThat(proxied.read().status()).isEqualTo(418);
            assertThat(proxied.read().bodyText()).isEqualTo("part-1\npart-2\npart-3\n");
        }
    }

    @Test
    void abortClosesOrResetsTheConnectionAfterEarlierAnswers() throws Exception {
        rule("{\"name\":\"cut\",\"type\":\"abort\",\"match\":{\"path\":\"/close\"}}");
        rule("{\"name\":\"rst\",\"type\":\"abort\",\"match\":{\"path\":\"/reset\"},\"attributes\":{\"mode\":\"reset\"}}");
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            proxied.send(RawHttp.get("/echo?id=1") + RawHttp.get("/close"));
            assertThat(proxied.read().status()).isEqualTo(200);
            assertThat(proxied.closedByPeer()).isTrue();
        }
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            proxied.send(RawHttp.get("/reset"));
            assertThat(proxied.closedByPeer()).isTrue();
        }
        assertThat(upstream.requests()).isEqualTo(1);
    }

    @Test
    void manyConcurrentConnectionsShareTheEventLoopsInsteadOfAThreadEach() throws Exception {
        rule("{\"name\":\"some\",\"type\":\"respond\",\"match\":{\"path\":\"/echo\",\"headers\":{\"X-Fault\":\"yes\"}}}");
        List<RawHttp> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                clients.add(new RawHttp(proxyPort));
            }
            int threadsWithConnectionsOpen = Thread.activeCount();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < clients.size(); i++) {
                    String fault = i % 3 == 0 ? "X-Fault: yes\r\n" : "";
                    clients.get(i).send("GET /echo?c=" + i + " HTTP/1.1\r\nHost: upstream\r\n" + fault + "\r\n");
                }
                for (int i = 0; i < clients.size(); i++) {
                    RawHttp.Response response = clients.get(i).read();
                    assertThat(response.status()).isEqualTo(i % 3 == 0 ? 503 : 200);
                }
            }
            assertThat(Thread.activeCount()).isLessThan(threadsWithConnectionsOpen + 10);
            assertThat(plane.httpProxies().get("pricing").openConnections()).isEqualTo(300);
        } finally {
            for (RawHttp client : clients) {
                client.close();
            }
        }
        assertThat(upstream.connections()).isEqualTo(300);
        assertThat(upstream.requests()).isEqualTo(3 * 200);
    }

    @Test
    void aMalformedRequestGetsA400AndTheConnectionCloses() throws Exception {
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            RawHttp.Response response = proxied.exchange("GET /echo HTTP/1.1\r\nHost: upstream\r\nBad Header Without Colon\r\n\r\n");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(proxied.closedByPeer()).isTrue();
        }
        assertThat(upstream.requests()).isZero();
    }

    @Test
    void anUnreachableUpstreamGivesA502() throws Exception {
        // bound but never listening: a connection to it is refused, and no other process (a test in another lane
        // took a port closed here before) can listen on it meanwhile
        try (var refusing = new java.net.Socket()) {
            refusing.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            Api.Answer created = api.post("/http-proxies", "{\"name\":\"gone\",\"upstream\":\"127.0.0.1:"
                    + refusing.getLocalPort() + "\"}");
            String listen = created.json().get("listen").asText();
            try (RawHttp proxied = new RawHttp(Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)))) {
                RawHttp.Response response = proxied.exchange(RawHttp.get("/echo"));
                assertThat(response.status()).isEqualTo(502);
                assertThat(response.bodyText()).contains("unreachable");
            }
        }
    }

    @Test
    void largeBodiesStreamBothWays() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        String head = "POST /echo HTTP/1.1\r\nHost: upstream\r\nContent-Length: " + big.length + "\r\n\r\n";
        try (RawHttp proxied = new RawHttp(proxyPort)) {
            proxied.send(head + new String(big, StandardCharsets.ISO_8859_1));
            RawHttp.Response echoed = proxied.read();
            assertThat(echoed.body().length).isEqualTo("POST /echo\n".length() + big.length);
            assertThat(proxied.exchange(RawHttp.get("/bytes/3000000")).body()).isEqualTo(TestUpstream.pattern(3_000_000));
        }
    }
}
