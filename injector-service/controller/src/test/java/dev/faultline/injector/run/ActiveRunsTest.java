package dev.faultline.injector.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.Timings;
import dev.faultline.injector.fault.FaultAction;
import dev.faultline.injector.fault.FakeDataPlane;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.Lease;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry behind halts and the shutdown hook. */
class ActiveRunsTest {

    private final FakeDataPlane dataPlane = new FakeDataPlane("pricing");
    private final ActiveRuns runs = new ActiveRuns();

    private InjectionRun run(String experimentId, Environment environment) {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of()),
                List.of(), List.of());
        UUID injectionId = UUID.randomUUID();
        RunRequest request = new RunRequest(experimentId, 1, injectionId, UUID.randomUUID(), environment, hypothesis,
                Fixtures.planned(dataPlane, hypothesis, injectionId, "fl"),
                EventHeaders.first(experimentId, Actors.service("safety-service"), Clock.systemUTC()));
        Timings timings = new Timings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(5));
        return new InjectionRun(request, (spec, id) -> null, new RecordingEvents(), new InMemoryRunStore(),
                RunMetrics.NONE, timings, Clock.systemUTC());
    }

    @Test
    void shouldReleaseTheFaultsOfEveryActiveRunAtShutdown() {
        InjectionRun a = run("exp-a", Environment.STAGING);
        InjectionRun b = run("exp-b", Environment.STAGING);
        runs.add(a);
        runs.add(b);
        dataPlane.addToxic("pricing", new FaultAction("a", "timeout", "upstream", 1, Map.of()), new Lease(a.request().holder(), Duration.ofSeconds(3)));
        dataPlane.addToxic("pricing", new FaultAction("b", "timeout", "upstream", 1, Map.of()), new Lease(b.request().holder(), Duration.ofSeconds(3)));
        dataPlane.addToxic("pricing", new FaultAction("other", "latency", "upstream", 1, Map.of()), new Lease("someone-else", Duration.ofSeconds(3)));

        runs.close();

        assertThat(dataPlane.toxics).containsOnlyKeys("other");
    }

    @Test
    void shouldStopOnlyTheSelectedRuns() {
        runs.add(run("exp-a", Environment.STAGING));
        runs.add(run("exp-b", Environment.PRODUCTION));
        int stopped = runs.stop(r -> r.environment() == Environment.PRODUCTION, StopCause.of(StopReason.HALTED, "halt"));
        assertThat(stopped).isEqualTo(1);
        assertThat(runs.list()).hasSize(2);
        runs.close();
    }
}
