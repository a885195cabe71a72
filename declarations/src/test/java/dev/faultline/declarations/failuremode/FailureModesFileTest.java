package dev.faultline.declarations.failuremode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.Problem;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TemplatePrediction;
import dev.faultline.schemas.avro.TemplateProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureModesFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private static final String QUEUE_WORKER = """
            failure-modes:
              worker-broker-latency:
                service-type: queue-worker
                fault: network-latency
                risk: low
                description: the broker answers latencyMillis slower
                parameters: {latencyMillis: 500}
                title: When ${dependency} answers ${latencyMillis} ms slower, ${service} keeps its lag bounded
                probes:
                  lag: {kind: metric, parameters: {metric: worker_lag_messages}}
                  health: {endpoint: health, path: /health, interval: 250ms}
                predictions:
                  lag-bounded:
                    description: the lag stays below ${latencyMillis * 2} messages
                    probe: lag
                    statistic: value-max
                    comparator: '<'
                    threshold: latencyMillis * 2
                    unit: count
                    min-samples: 5
                guardrails:
                  unhealthy: {probe: health, statistic: error-rate, comparator: '>', threshold: 0.5, unit: ratio,
                              window: 3s, sustain: 1s, description: stop when the worker is unhealthy}
            """;

    private static List<FailureModeDeclared> read(String yaml) throws Invalid {
        return FailureModesFile.read(yaml, "queue-worker.yaml", "alice", null, CLOCK);
    }

    private static List<Problem> problems(String yaml) {
        return catchThrowableOfType(Invalid.class, () -> read(yaml)).problems();
    }

    @Test
    void shouldReadATeamsTemplateIntoOneEventWithItsProbesChecksAndExpressions() throws Exception {
        FailureModeDeclared template = read(QUEUE_WORKER).get(0);

        assertThat(template.getTemplateId()).isEqualTo("worker-broker-latency");
        assertThat(template.getServiceType()).isEqualTo("queue-worker");
        assertThat(template.getFaultType()).isEqualTo(FaultType.NETWORK_LATENCY);
        assertThat(template.getParameters()).containsExactly(Map.entry("latencyMillis", "500"));
        assertThat(template.getHeader().getActor().getId()).isEqualTo("alice");
        assertThat(template.getSource()).isEqualTo("queue-worker.yaml");
        assertThat(template.getProbes()).extracting(TemplateProbe::getProbeId, TemplateProbe::getKind,
                TemplateProbe::getIntervalMillis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lag", ProbeKind.METRIC, 1000L),
                org.assertj.core.groups.Tuple.tuple("health", ProbeKind.HTTP, 250L));
        TemplatePrediction lag = template.getPredictions().get(0);
        assertThat(lag.getStatistic()).isEqualTo(Statistic.VALUE_MAX);
        assertThat(lag.getComparator()).isEqualTo(ComparisonOperator.LESS_THAN);
        assertThat(lag.getThreshold()).isEqualTo("latencyMillis * 2");
        assertThat(lag.getSkipFirstMillis()).isEqualTo(2000);
        assertThat(template.getGuardrails().get(0).getEvaluationWindowMillis()).isEqualTo(3000);
        assertThat(TemplateExpressions.number(lag.getThreshold(),
                TemplateExpressions.variables(Map.of(), template.getParameters()))).isEqualTo(1000.0);
    }

    @Test
    void shouldReadMinSamplesAsANumberOrAnExpressionThatScalesWithTheRun() throws Exception {
        TemplatePrediction constant = read(QUEUE_WORKER).get(0).getPredictions().get(0);
        assertThat(constant.getMinSamples()).isEqualTo(5);
        assertThat(constant.getMinSamplesExpression()).isNull();

        String scaled = QUEUE_WORKER.replace("min-samples: 5", "min-samples: math:max(1, math:min(5, durationSeconds - 2))");
        TemplatePrediction scaling = read(scaled).get(0).getPredictions().get(0);
        assertThat(scaling.getMinSamplesExpression()).isEqualTo("math:max(1, math:min(5, durationSeconds - 2))");
        assertThat(TemplateExpressions.number(scaling.getMinSamplesExpression(), Map.of("durationSeconds", 4L)))
                .isEqualTo(2.0);

        assertThat(problems(QUEUE_WORKER.replace("min-samples: 5", "min-samples: runSeconds * 2")))
                .extracting(Problem::toString).singleElement().asString()
                .contains("predictions.lag-bounded.min-samples: unknown variable [runSeconds]");
        assertThat(problems(QUEUE_WORKER.replace("min-samples: 5", "min-samples: 0")))
                .extracting(Problem::toString).singleElement().asString()
                .contains("predictions.lag-bounded.min-samples: a whole number of at least 1, was '0'");
    }

    @Test
    void shouldReadTheBuiltInTemplatesWithTheirSharedParts() throws Exception {
        for (String type : List.of("http-storefront", "http-api")) {
            Path file = Path.of("src/main/resources/failure-modes/" + type + ".yaml");
            List<FailureModeDeclared> templates = FailureModesFile.read(Files.readString(file, StandardCharsets.UTF_8),
                    file.toString(), "faultline", null, CLOCK);
            assertThat(templates).hasSize(11).allSatisfy(t -> {
                assertThat(t.getServiceType()).isEqualTo(type);
                assertThat(t.getProbes()).isNotEmpty();
                assertThat(t.getGuardrails()).extracting("guardrailId").containsExactly("reads-failing");
            });
        }
    }

    @Test
    void shouldRefuseTheWholeFileListingEveryProblemWithItsLine() {
        List<Problem> problems = problems("""
                failure-modes:
                  broken:
                    service-type: queue-worker
                    fault: network-lag
                    risk: low
                    description: d
                    title: When ${dependency} breaks, ${sevice} copes
                    probes:
                      lag: {kind: metric, path: /metrics}
                    predictions:
                      bounded: {probe: lags, statistic: value-max, comparator: '<', threshold: 'latencyMillis +', unit: count, description: d}
                      shares: {probe: lag, statistic: status-share, comparator: about, threshold: 0.5, unit: ratio, description: d}
                """);

        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "line 4, column 12: failure-modes.broken.fault: 'network-lag' is not one of " + names(FaultType.class),
                "line 7, column 12: failure-modes.broken.title: unknown variable [sevice]; use the template's "
                        + "parameters or [dependency, durationMillis, durationSeconds, environment, percent, service, "
                        + "trafficShare]",
                "line 9, column 33: failure-modes.broken.probes.lag.path: a metric probe reads what 'parameters' say; "
                        + "'path' is for http probes",
                "line 11, column 24: failure-modes.broken.predictions.bounded.probe: no probe 'lags' in this template; "
                        + "its probes are [lag]",
                "line 11, column 80: failure-modes.broken.predictions.bounded.threshold: 'latencyMillis +' is neither a "
                        + "number nor an expression: parsing error in '+'",
                "line 12, column 15: failure-modes.broken.predictions.shares.status: required with status-share: the "
                        + "HTTP status counted",
                "line 12, column 65: failure-modes.broken.predictions.shares.comparator: 'about' is not one of "
                        + names(ComparisonOperator.class));
    }

    @Test
    void shouldPutAHostFaultOnTheServicesHostAndRefuseAHostForANetworkFault() throws Exception {
        String cpu = QUEUE_WORKER.replace("fault: network-latency", "fault: cpu-exhaustion\n    target: host");
        FailureModeDeclared onHost = read(cpu).get(0);
        assertThat(onHost.getFaultType()).isEqualTo(FaultType.CPU_EXHAUSTION);
        assertThat(onHost.getTargetKind()).isEqualTo(TargetKind.HOST);
        assertThat(read(QUEUE_WORKER).get(0).getTargetKind()).as("the default").isEqualTo(TargetKind.DEPENDENCY_LINK);

        assertThat(problems(QUEUE_WORKER.replace("fault: network-latency", "fault: network-latency\n    target: host")))
                .extracting(Problem::toString).containsExactly("line 5, column 13: failure-modes.worker-broker-latency.target: "
                        + "a host takes host faults ([cpu-exhaustion, memory-exhaustion, disk-exhaustion, process-pause, "
                        + "process-kill]); network-latency goes on a dependency-link");
        assertThat(problems(QUEUE_WORKER.replace("fault: network-latency", "fault: network-latency\n    target: topic")))
                .extracting(Problem::message).containsExactly("templates put their fault on a dependency-link or on the"
                        + " service's own host");
    }

    @Test
    void shouldRefuseAnAliasWithoutItsAnchorAndANameThatIsNotAVariable() {
        assertThat(problems("failure-modes:\n  a: *missing\n")).extracting(Problem::message)
                .containsExactly("'*missing' names no anchor (&missing) given before it");
        assertThat(problems(QUEUE_WORKER.replace("{latencyMillis: 500}", "{latency-millis: 500}")))
                .extracting(Problem::path).contains("failure-modes.worker-broker-latency.parameters.latency-millis",
                        "failure-modes.worker-broker-latency.title");
    }

    @Test
    void shouldKeepExpressionsInTheirSandbox() {
        assertThat(TemplateExpressions.checkNumber("''.getClass().forName('java.lang.Runtime')", java.util.Set.of()))
                .isEmpty(); // it reads; what it may call is refused when it runs:
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateExpressions.number(
                "''.getClass().forName('java.lang.Runtime')", Map.of())).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateExpressions.number("x = 3", Map.of()))
                .hasMessageContaining("x = 3");
        assertThat(TemplateExpressions.number("latencyMillis + 500", TemplateExpressions.variables(Map.of(),
                Map.of("latencyMillis", "1000")))).isEqualTo(1500.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateExpressions.number("latencyMillis + 500",
                TemplateExpressions.variables(Map.of(), Map.of("latencyMillis", "slow"))))
                .hasMessage("'latencyMillis + 500' gave 'slow500', not a number (check the parameters it uses)");
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(e -> !e.name().equals("UNKNOWN"))
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    }
}
