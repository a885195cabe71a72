package dev.faultline.injector.halt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.run.ActiveRuns;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HaltMatcherTest {

    private static RunRequest run(String experimentId, Environment environment) {
        return new RunRequest(experimentId, 1, UUID.randomUUID(), UUID.randomUUID(), environment,
                Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, 1000, Map.of()),
                        List.of(), List.of()), null, null);
    }

    private static HaltRequested halt(String headerExperiment, HaltScope scope, Environment environment) {
        return HaltRequested.newBuilder().setHeader(EventHeaders.first(headerExperiment, Actors.person("op"), Clock.systemUTC()))
                .setHaltId(UUID.randomUUID()).setScope(scope).setEnvironment(environment).setReason("test").build();
    }

    @Test
    void shouldHaltOnlyTheNamedExperiment() {
        HaltRequested byKey = halt("*", HaltScope.EXPERIMENT, null);
        assertThat(HaltMatcher.of(byKey, "exp-1").test(run("exp-1", Environment.STAGING))).isTrue();
        assertThat(HaltMatcher.of(byKey, "exp-1").test(run("exp-2", Environment.STAGING))).isFalse();
        HaltRequested byHeader = halt("exp-2", HaltScope.EXPERIMENT, null);
        assertThat(HaltMatcher.of(byHeader, "exp-2").test(run("exp-2", Environment.STAGING))).isTrue();
    }

    @Test
    void shouldHaltEveryRunOfTheEnvironment() {
        HaltRequested staging = halt("env:STAGING", HaltScope.ENVIRONMENT, Environment.STAGING);
        assertThat(HaltMatcher.of(staging, "env:STAGING").test(run("exp-1", Environment.STAGING))).isTrue();
        assertThat(HaltMatcher.of(staging, "env:STAGING").test(run("exp-1", Environment.PRODUCTION))).isFalse();
    }

    @Test
    void shouldKeepAHaltInForceForRunsLaunchedLaterUntilItIsLifted() {
        HaltHandler handler = new HaltHandler(new ActiveRuns());
        HaltRequested staging = halt("env:STAGING", HaltScope.ENVIRONMENT, Environment.STAGING);
        handler.onHalt(staging, "env:STAGING");

        assertThat(handler.haltOf(run("exp-later", Environment.STAGING))).hasValueSatisfying(cause -> {
            assertThat(cause.reason()).isEqualTo(StopReason.HALTED);
            assertThat(cause.detail()).contains("halted by op", staging.getHaltId().toString(), "ENVIRONMENT", "test");
        });
        assertThat(handler.haltOf(run("exp-prod", Environment.PRODUCTION))).isEmpty();

        handler.onLifted(HaltLifted.newBuilder().setHeader(staging.getHeader()).setHaltId(staging.getHaltId())
                .setReason("all clear").build());
        assertThat(handler.haltOf(run("exp-later", Environment.STAGING))).isEmpty();
    }

    @Test
    void shouldHaltEverythingOnAll() {
        HaltRequested all = halt("*", HaltScope.ALL, null);
        assertThat(HaltMatcher.of(all, "*").test(run("exp-9", Environment.PRODUCTION))).isTrue();
    }
}
