package dev.faultline.safety.norm;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.cassandra.CassandraEndpoint;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.TargetServer;
import dev.faultline.schemas.avro.Environment;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The probe history and the watched probes on a real Cassandra node (the devstack's): samples kept per probe and
 * hour of the week with a TTL of {@code retention}, the latest approval's probe definition winning in any order, and
 * a sampling round that sends a watched probe to a real HTTP target and records what it answered.
 */
@ExtendWith(DevStackExtension.class)
class CassandraProbeHistoryIT {

    private static final String KEYSPACE = "norms_it_" + Long.toString(System.nanoTime(), 36);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final NormSettings SETTINGS = new NormSettings(Duration.ofMinutes(1), Duration.ofDays(35), 4, 0.1,
            0.9, 1.0, 0.1, 30, 0.05, Duration.ofMinutes(1), null);
    private static final ProbeKey READS = new ProbeKey(Environment.PRODUCTION, "storefront", "reads");

    private static CqlSession session;
    private static CassandraProbeHistory history;
    private static CassandraWatchedProbes watched;

    @BeforeAll
    static void connect(DevStack stack) {
        CassandraEndpoint node = stack.cassandra();
        DriverConfigLoader timeouts = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30)).build();
        try (CqlSession admin = CqlSession.builder().addContactPoint(new InetSocketAddress(node.host(), node.port()))
                .withLocalDatacenter(node.localDatacenter()).withConfigLoader(timeouts).build()) {
            admin.execute("CREATE KEYSPACE " + KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        }
        session = CqlSession.builder().addContactPoint(new InetSocketAddress(node.host(), node.port()))
                .withLocalDatacenter(node.localDatacenter()).withConfigLoader(timeouts).withKeyspace(KEYSPACE).build();
        history = new CassandraProbeHistory(session, SETTINGS);
        watched = new CassandraWatchedProbes(session, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void disconnect() {
        if (session != null) {
            session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
            session.close();
        }
    }

    @Test
    void shouldKeepSamplesPerProbeAndHourOfTheWeekForTheRetentionOnly() {
        Instant lastWeek = HourOfWeek.startOf(NOW).minus(Duration.ofDays(7));
        history.record(READS, new ProbeHistory.Sample(lastWeek.plusSeconds(60), 12.5, true));
        history.record(READS, new ProbeHistory.Sample(lastWeek.plusSeconds(120), 3000, false));
        history.record(READS, new ProbeHistory.Sample(lastWeek.plusSeconds(3600), 9, true));       // the next hour
        history.record(READS, new ProbeHistory.Sample(lastWeek.minus(Duration.ofDays(28)), 7, true)); // 5 weeks back
        history.record(new ProbeKey(Environment.STAGING, "storefront", "reads"),
                new ProbeHistory.Sample(lastWeek.plusSeconds(90), 1, true));

        List<ProbeHistory.Sample> hour = history.samples(READS, HourOfWeek.of(NOW),
                lastWeek.minus(Duration.ofDays(21)));

        assertThat(hour).containsExactly(new ProbeHistory.Sample(lastWeek.plusSeconds(120), 3000, false),
                new ProbeHistory.Sample(lastWeek.plusSeconds(60), 12.5, true));
        assertThat(history.samples(READS, HourOfWeek.of(NOW).plus(1), lastWeek)).extracting(ProbeHistory.Sample::latencyMillis)
                .containsExactly(9.0);
        int ttl = session.execute("SELECT TTL(ok) FROM probe_history WHERE environment = 'PRODUCTION'"
                + " AND service = 'storefront' AND probe_id = 'reads' AND hour_of_week = ? LIMIT 1",
                HourOfWeek.of(NOW).index()).one().getInt(0);
        assertThat(ttl).isBetween((int) Duration.ofDays(35).toSeconds() - 60, (int) Duration.ofDays(35).toSeconds());
    }

    @Test
    void shouldWatchTheLatestApprovedDefinitionOfAProbeInAnyOrder() {
        ProbeKey key = new ProbeKey(Environment.STAGING, "checkout", "pay");
        watched.watch(key, Plans.get("pay", "http://127.0.0.1:1/v2/pay"), NOW.minus(Duration.ofDays(1)));
        watched.watch(key, Plans.get("pay", "http://127.0.0.1:1/v1/pay"), NOW.minus(Duration.ofDays(2)));
        ProbeKey stale = new ProbeKey(Environment.STAGING, "checkout", "old");
        watched.watch(stale, Plans.get("old", "http://127.0.0.1:1/old"), NOW.minus(Duration.ofDays(36)));

        assertThat(watched.all()).filteredOn(w -> w.key().service().equals("checkout"))
                .singleElement().satisfies(w -> {
                    assertThat(w.key()).isEqualTo(key);
                    assertThat(w.probe().url()).isEqualTo("http://127.0.0.1:1/v2/pay");
                    assertThat(w.probe().method()).isEqualTo("GET");
                    assertThat(w.probe().isHttp()).isTrue();
                });
        int ttl = session.execute("SELECT TTL(url) FROM watched_probes WHERE environment = 'STAGING'"
                + " AND service = 'checkout' AND probe_id = 'pay'").one().getInt(0);
        assertThat(ttl).as("35 days after the latest approval, a day ago")
                .isBetween((int) Duration.ofDays(34).toSeconds() - 60, (int) Duration.ofDays(34).toSeconds());
    }

    @Test
    void shouldRecordWhatEachWatchedProbeAnsweredInOneRound() {
        try (TargetServer target = new TargetServer()) {
            ProbeKey key = new ProbeKey(Environment.TEST, "search", "query");
            watched.watch(key, new Probe("query", "HTTP", target.url("/search?q=x"), "POST",
                    1000, Map.of("content-type", "application/json"), "{\"q\":\"x\"}"), NOW);
            AtomicBoolean injecting = new AtomicBoolean();
            HistorySampler sampler = new HistorySampler(watched, history, new HttpProbeClient(HttpClientSpans.disabled()),
                    service -> service.equals("search") && injecting.get());
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);

            sampler.sampleOnce();
            target.answer(503);
            sampler.sampleOnce();
            injecting.set(true);
            target.answer(500);
            sampler.sampleOnce();

            List<ProbeHistory.Sample> samples = new ArrayList<>();
            for (int h = -1; h <= 1; h++) {
                samples.addAll(history.samples(key, HourOfWeek.of(Instant.now()).plus(h), before));
            }
            assertThat(samples).as("none while an experiment injects on search").extracting(ProbeHistory.Sample::ok)
                    .containsExactlyInAnyOrder(true, false);
            assertThat(target.bodies()).hasSize(2);
            assertThat(samples).allSatisfy(s -> assertThat(s.latencyMillis()).isPositive());
            assertThat(target.bodies()).contains("{\"q\":\"x\"}");
        }
    }
}
