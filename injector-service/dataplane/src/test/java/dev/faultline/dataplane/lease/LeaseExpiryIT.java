package dev.faultline.dataplane.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.ApiClient;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fault carries a lease: unrenewed it removes itself and traffic recovers; renewed it
 * stays; a fault created without a lease (a plain Toxiproxy client) gets the default one.
 */
class LeaseExpiryIT {

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;

    @BeforeAll
    static void start() throws IOException {
        fixture = new DataPlaneFixture(DataPlaneConfig.defaults()
                .withDefaultLease(Duration.ofSeconds(2)).withReapInterval(Duration.ofMillis(50)));
        echo = TestUpstream.echo();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    @Test
    void anUnrenewedToxicShouldRemoveItselfAndTrafficRecover() throws IOException {
        String listen = fixture.proxy("expiring", echo.address());
        Duration baseline = Probe.medianRoundTrip(listen, 5);
        ApiClient.Answer created = fixture.toxic("expiring", "{\"type\": \"latency\", \"attributes\": {\"latency\": 300},"
                + " \"lease\": {\"holder\": \"ctl-a\", \"ttl_ms\": 1500}}");
        assertThat(created.json().at("/lease/holder").asText()).isEqualTo("ctl-a");
        assertThat(created.json().at("/lease/ttl_ms").asLong()).isEqualTo(1500);
        assertThat(Instant.parse(created.json().at("/lease/expires_at").asText())).isAfter(Instant.now());
        assertThat(Probe.medianRoundTrip(listen, 1).minus(baseline).toMillis()).isGreaterThanOrEqualTo(270);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.api().get("/proxies/expiring/toxics").json().isEmpty());
        assertThat(Probe.medianRoundTrip(listen, 5).minus(baseline).toMillis()).isLessThan(200);
        assertThat(fixture.api().get("/leases").json().findValuesAsText("key")).doesNotContain("l4/expiring/toxics/latency_downstream");
    }

    @Test
    void aRenewedToxicShouldStayUntilItsHolderStopsRenewing() {
        fixture.proxy("renewed", echo.address());
        fixture.toxic("renewed", "{\"type\": \"timeout\", \"attributes\": {\"timeout\": 0}, \"lease\": {\"holder\": \"ctl-b\", \"ttl_ms\": 800}}");
        long until = System.nanoTime() + Duration.ofMillis(2_400).toNanos();
        while (System.nanoTime() < until) {
            assertThat(fixture.api().post("/leases/ctl-b/renew", "").json().get("renewed").asInt()).isEqualTo(1);
            // renew again once half the 800 ms lease is left, as a controller does
            await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(1))
                    .until(() -> leaseLeft("ctl-b").compareTo(Duration.ofMillis(400)) <= 0);
        }
        assertThat(fixture.api().get("/proxies/renewed/toxics").json()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.api().get("/proxies/renewed/toxics").json().isEmpty());
        ApiClient.Answer late = fixture.api().post("/leases/ctl-b/renew", "");
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.error()).contains("holds no faults");
    }

    /** How long the earliest-expiring lease of {@code holder} has left, as the data plane reports it. */
    private Duration leaseLeft(String holder) {
        Instant earliest = StreamSupport.stream(fixture.api().get("/leases").json().spliterator(), false)
                .filter(lease -> lease.path("holder").asText().equals(holder))
                .map(lease -> Instant.parse(lease.path("expires_at").asText()))
                .min(Instant::compareTo).orElseThrow();
        return Duration.between(Instant.now(), earliest);
    }

    @Test
    void aToxicCreatedWithoutALeaseShouldGetTheDefaultOne() {
        fixture.proxy("plain", echo.address());
        ApiClient.Answer created = fixture.toxic("plain", "{\"type\": \"slow_close\", \"attributes\": {\"delay\": 10}}");
        assertThat(created.json().at("/lease/holder").asText()).isEqualTo("default");
        assertThat(created.json().at("/lease/ttl_ms").asLong()).isEqualTo(2_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.api().get("/proxies/plain/toxics").json().isEmpty());
    }

    @Test
    void aDisabledProxyShouldComeBackWhenItsLeaseExpires() throws IOException {
        String listen = fixture.proxy("down", echo.address());
        ApiClient.Answer disabled = fixture.api().post("/proxies/down",
                "{\"enabled\": false, \"lease\": {\"holder\": \"ctl-c\", \"ttl_ms\": 1000}}");
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().at("/lease/holder").asText()).isEqualTo("ctl-c");
        try {
            Probe.connect(listen).close();
            throw new AssertionError("a disabled proxy accepted a connection");
        } catch (ConnectException expected) {
            // refused, as a disabled proxy must
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.api().get("/proxies/down").json().get("enabled").asBoolean());
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write('z');
            assertThat(s.getInputStream().read()).isEqualTo('z');
        }
    }

    @Test
    void revokingAHolderShouldRemoveAllItsFaultsAtOnce() {
        fixture.proxy("halted", echo.address());
        fixture.toxic("halted", "{\"name\": \"a\", \"type\": \"latency\", \"lease\": {\"holder\": \"ctl-d\", \"ttl_ms\": 60000}}");
        fixture.toxic("halted", "{\"name\": \"b\", \"type\": \"bandwidth\", \"lease\": {\"holder\": \"ctl-d\", \"ttl_ms\": 60000}}");
        ApiClient.Answer revoked = fixture.api().delete("/leases/ctl-d");
        assertThat(revoked.json().get("removed")).hasSize(2);
        assertThat(fixture.api().get("/proxies/halted/toxics").json()).isEmpty();
    }
}
