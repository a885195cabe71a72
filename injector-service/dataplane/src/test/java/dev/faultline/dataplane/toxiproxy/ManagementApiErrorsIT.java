package dev.faultline.dataplane.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.ApiClient;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal of the management API: Toxiproxy's status code and error body, with a message that says what to fix. */
class ManagementApiErrorsIT {

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        fixture = new DataPlaneFixture(DataPlaneConfig.defaults());
        echo = TestUpstream.echo();
        api = fixture.api();
        fixture.proxy("db", echo.address());
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    private static void assertRefused(ApiClient.Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.error()).contains(message);
    }

    @Test
    void unknownToxicType() {
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"lag\"}"), 400,
                "invalid toxic type 'lag'; known types: latency, bandwidth, timeout, reset_peer, limit_data, slicer, slow_close");
    }

    @Test
    void badAttributes() {
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"attributes\": {\"latency\": -5}}"), 400,
                "attribute 'latency' must be >= 0 ms, was -5");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"attributes\": {\"latency\": \"slow\"}}"), 400,
                "attribute 'latency' must be a whole number");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"attributes\": {\"lat\": 5}}"), 400,
                "unknown attribute 'lat' for toxic type latency; known attributes: latency, jitter");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"slicer\", \"attributes\": {\"average_size\": 0}}"), 400,
                "attribute 'average_size' must be >= 1 bytes, was 0");
    }

    @Test
    void badEnvelope() {
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"stream\": \"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"toxicity\": 1.5}"), 400,
                "toxicity must be a number from 0 to 1");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"lease\": {\"holder\": \"c\", \"ttl_ms\": 0}}"), 400,
                "lease.ttl_ms must be a positive whole number");
        assertRefused(api.post("/proxies/db/toxics", "{\"type\": \"latency\", \"lease\": {\"ttl_ms\": 10}}"), 400,
                "lease.holder is required");
    }

    @Test
    void portTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertRefused(api.post("/proxies", "{\"name\": \"clash\", \"listen\": \"127.0.0.1:" + taken.getLocalPort()
                    + "\", \"upstream\": \"" + echo.address() + "\"}"), 409, "is already in use");
        }
        assertThat(api.get("/proxies/clash").status()).isEqualTo(404);
    }

    @Test
    void populateStopsAtAPortTakenAndSaysWhatItDid() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ApiClient.Answer answer = api.post("/populate", "[{\"name\": \"pop-ok\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + echo.address() + "\"},"
                    + " {\"name\": \"pop-clash\", \"listen\": \"127.0.0.1:" + taken.getLocalPort() + "\", \"upstream\": \"" + echo.address() + "\"}]");
            assertRefused(answer, 409, "is already in use");
            assertThat(answer.json().get("proxies").findValuesAsText("name")).containsExactly("pop-ok");
        }
        assertRefused(api.post("/populate", "[{\"name\": \"pop-noup\"}]"), 400, "missing required field: upstream (in populate entry pop-noup)");
    }

    @Test
    void nameExists() {
        assertRefused(api.post("/proxies", "{\"name\": \"db\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + echo.address() + "\"}"),
                409, "proxy db already exists");
        fixture.proxy("dup", echo.address());
        fixture.toxic("dup", "{\"name\": \"slow\", \"type\": \"latency\"}");
        assertRefused(api.post("/proxies/dup/toxics", "{\"name\": \"slow\", \"type\": \"bandwidth\"}"), 409,
                "toxic slow already exists on proxy dup");
    }

    @Test
    void unknownProxyOrToxic() {
        assertRefused(api.get("/proxies/nope"), 404, "proxy nope not found");
        assertRefused(api.delete("/proxies/nope"), 404, "proxy nope not found");
        assertRefused(api.post("/proxies/nope/toxics", "{\"type\": \"latency\"}"), 404, "proxy nope not found");
        assertRefused(api.get("/proxies/db/toxics/ghost"), 404, "toxic ghost not found on proxy db");
        assertRefused(api.delete("/proxies/db/toxics/ghost"), 404, "toxic ghost not found on proxy db");
        assertRefused(api.post("/proxies/db/toxics/ghost", "{\"toxicity\": 0.5}"), 404, "toxic ghost not found on proxy db");
    }

    @Test
    void malformedJson() {
        assertRefused(api.post("/proxies", "{\"name\": \"x\", "), 400, "bad request body: malformed JSON");
        assertRefused(api.post("/proxies/db/toxics", "[1, 2]"), 400, "expected a toxic as a JSON object");
        assertRefused(api.post("/populate", "{\"name\": \"x\"}"), 400, "populate expects a JSON array of proxies");
    }

    @Test
    void missingOrBadProxyFields() {
        assertRefused(api.post("/proxies", "{\"name\": \"noup\", \"listen\": \"127.0.0.1:0\"}"), 400, "missing required field: upstream");
        assertRefused(api.post("/proxies", "{\"listen\": \"127.0.0.1:0\", \"upstream\": \"x:1\"}"), 400, "missing required field: name");
        assertRefused(api.post("/proxies", "{\"name\": \"badport\", \"listen\": \"127.0.0.1:http\", \"upstream\": \"x:1\"}"), 400,
                "listen must be host:port with a numeric port");
        assertRefused(api.post("/proxies", "{\"name\": \"flag\", \"upstream\": \"x:1\", \"enabled\": \"yes\"}"), 400,
                "field 'enabled' must be true or false");
    }

    @Test
    void changingAToxicsTypeOrStream() {
        fixture.proxy("fixed", echo.address());
        fixture.toxic("fixed", "{\"name\": \"t\", \"type\": \"latency\"}");
        assertRefused(api.post("/proxies/fixed/toxics/t", "{\"type\": \"bandwidth\"}"), 400, "the type of toxic t cannot change");
        assertRefused(api.post("/proxies/fixed/toxics/t", "{\"stream\": \"upstream\"}"), 400, "the stream of toxic t cannot change");
    }

    @Test
    void wrongMethodOrEndpoint() {
        assertRefused(api.method("PUT", "/proxies"), 405, "method PUT not allowed here; use POST");
        assertRefused(api.get("/reset"), 405, "use POST");
        assertRefused(api.get("/nowhere"), 404, "no such endpoint: GET /nowhere");
    }
}
