package dev.faultline.dataplane.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Toxiproxy Java client (eu.rekawek.toxiproxy:toxiproxy-java 2.1.7) drives the data plane unchanged. */
class ToxiproxyJavaClientIT {

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;
    private static ToxiproxyClient client;

    @BeforeAll
    static void start() throws IOException {
        fixture = new DataPlaneFixture(DataPlaneConfig.defaults());
        echo = TestUpstream.echo();
        client = new ToxiproxyClient("127.0.0.1", fixture.plane().managementAddress().getPort());
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    @Test
    void shouldCreateListUpdateRemoveEveryToxicType() throws IOException {
        Proxy proxy = client.createProxy("java-client", "127.0.0.1:0", echo.address());
        assertThat(proxy.isEnabled()).isTrue();
        assertThat(proxy.getUpstream()).isEqualTo(echo.address());

        Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 150);
        proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 500);
        proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 60_000);
        proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 60_000);
        proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 1_000_000);
        proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 100, 10);
        proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 5);

        assertThat(proxy.toxics().getAll()).extracting(Toxic::getName).containsExactly("lat", "bw", "to", "rp", "ld", "sl", "sc");
        assertThat(proxy.toxics().get("lat", Latency.class).getLatency()).isEqualTo(150);
        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(500);
        assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isEqualTo(60_000);
        assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(60_000);
        assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(1_000_000);
        assertThat(proxy.toxics().get("sl", Slicer.class).getAverageSize()).isEqualTo(100);
        assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(5);

        latency.setLatency(250).setJitter(5);
        latency.setToxicity(0.75f);
        Latency reread = proxy.toxics().get("lat", Latency.class);
        assertThat(reread.getLatency()).isEqualTo(250);
        assertThat(reread.getJitter()).isEqualTo(5);
        assertThat(reread.getToxicity()).isEqualTo(0.75f);

        proxy.toxics().get("bw").remove();
        assertThat(proxy.toxics().getAll()).hasSize(6);
        client.reset();
        assertThat(proxy.toxics().getAll()).isEmpty();
        proxy.delete();
        assertThat(client.getProxyOrNull("java-client")).isNull();
    }

    @Test
    void shouldDriveTrafficEffectsThroughTheClient() throws IOException {
        Proxy proxy = client.createProxy("java-traffic", "127.0.0.1:0", echo.address());
        Duration baseline = Probe.medianRoundTrip(proxy.getListen(), 5);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 200);
        // the effect is there (its precision is L4FaultsIT's business)
        assertThat(Probe.medianRoundTrip(proxy.getListen(), 3).minus(baseline).toMillis()).isBetween(180L, 400L);

        proxy.disable();
        assertThat(client.getProxy("java-traffic").isEnabled()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port(proxy.getListen())).close()).isInstanceOf(ConnectException.class);
        proxy.enable();
        assertThat(client.getProxies()).extracting(Proxy::getName).contains("java-traffic");
        assertThat(client.version()).contains("faultline");
    }

    @Test
    void shouldReportErrorsTheWayTheClientReadsThem() throws IOException {
        client.createProxy("java-dup", "127.0.0.1:0", echo.address());
        assertThatThrownBy(() -> client.createProxy("java-dup", "127.0.0.1:0", echo.address()))
                .isInstanceOf(IOException.class).hasMessageContaining("[409]").hasMessageContaining("already exists");
        assertThatThrownBy(() -> client.getProxy("java-missing"))
                .isInstanceOf(IOException.class).hasMessageContaining("[404]");
    }

    private static int port(String listen) {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
