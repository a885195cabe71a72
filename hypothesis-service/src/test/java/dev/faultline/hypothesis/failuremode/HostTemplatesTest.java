package dev.faultline.hypothesis.failuremode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.proposal.DraftResult;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TargetKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The host faults' built-in templates: a dependency's process paused or killed (the storefront's story: pricing
 * frozen or crashed), and CPU, memory and disk pressure on the service's own host.
 */
class HostTemplatesTest {

    private static final Target PRICING = new Target("pricing", "http-api", "http://127.0.0.1:18090", List.of(),
            "/prices/sku-1");

    private final FailureModeCatalog catalog = FailureModeCatalog.builtIn();
    private final HypothesisLinter linter = Fixtures.linter();

    private Hypothesis draft(FaultType type, Target target, String dependency, long millis, Map<String, String> labels) {
        DraftContext context = new DraftContext(target, dependency, name -> Optional.of(PRICING).filter(t -> t.name().equals(name)),
                Environment.STAGING, millis, 1.0, labels);
        return catalog.find(type, target.type()).orElseThrow().draft(context);
    }

    @Test
    void shouldPauseTheDependencysProcessAndPredictWhatABlackholePredicts() {
        Hypothesis paused = draft(FaultType.PROCESS_PAUSE, Fixtures.STOREFRONT, "pricing", 30_000, Map.of());
        Hypothesis blackhole = draft(FaultType.NETWORK_BLACKHOLE, Fixtures.STOREFRONT, "pricing", 30_000, Map.of());

        assertThat(paused.getTemplateId()).isEqualTo("storefront-dependency-paused");
        assertThat(paused.getScenario().getTarget().getKind()).isEqualTo(TargetKind.DEPENDENCY_LINK);
        assertThat(paused.getScenario().getTarget().getDependency()).isEqualTo("pricing");
        assertThat(paused.getBlastRadius().getTargets()).containsExactly("storefront→pricing");
        assertThat(paused.getPredictions()).usingRecursiveFieldByFieldElementComparator()
                .as("frozen looks like unreachable from outside").isEqualTo(blackhole.getPredictions());
        assertThat(paused.getTitle()).isEqualTo("When pricing's process is paused for 30 seconds, storefront keeps serving "
                + "cached product reads, order writes return 503 with a Retry-After header, and the p99 latency of product "
                + "reads stays below 800 ms");
        assertThat(linter.lint(paused)).isEmpty();
    }

    @Test
    void shouldKillTheDependencyAndExpectItBackWithinFiveSecondsWatchingItsOwnReadsWhenItIsDeclared() {
        Hypothesis killed = draft(FaultType.PROCESS_KILL, Fixtures.STOREFRONT, "pricing", 20_000, Map.of());

        assertThat(killed.getScenario().getParameters()).containsExactly(Map.entry("graceMillis", "5000"));
        assertThat(killed.getProbes()).extracting(ProbeSpec::getProbeId, ProbeSpec::getTarget, ProbeSpec::getComponent)
                .contains(tuple("dependency-reads", "http://127.0.0.1:18090/prices/sku-1", "pricing"));
        assertThat(killed.getPredictions()).extracting(Prediction::getPredictionId, Prediction::getStatistic)
                .containsExactly(tuple("reads-served", Statistic.SUCCESS_RATE), tuple("reads-p99", Statistic.P99_LATENCY),
                        tuple("orders-failures-bounded", Statistic.ERROR_RATE), tuple("dependency-back", Statistic.SUCCESS_RATE));
        assertThat(killed.getPredictions().get(2).getThreshold()).as("5 of 20 s").isEqualTo(0.25, Offset.offset(1e-9));
        assertThat(killed.getPredictions().get(3).getThreshold()).isEqualTo(0.75, Offset.offset(1e-9));
        assertThat(linter.lint(killed)).isEmpty();

        DraftContext undeclared = new DraftContext(Fixtures.STOREFRONT, "pricing", Environment.STAGING, 20_000, 1.0, Map.of());
        assertThat(catalog.find(FaultType.PROCESS_KILL, "http-storefront").orElseThrow().draft(undeclared).getProbes())
                .as("pricing not declared: its reads are not probed").extracting(ProbeSpec::getProbeId)
                .containsExactly("product-reads", "order-writes");
    }

    @Test
    void shouldPutResourcePressureOnTheServicesOwnHosts() {
        Hypothesis cpu = draft(FaultType.CPU_EXHAUSTION, Fixtures.STOREFRONT, null, 30_000, Map.of("cpuPercent", "80"));

        assertThat(cpu.getTemplateId()).isEqualTo("storefront-cpu-exhaustion");
        assertThat(cpu.getScenario().getTarget().getKind()).isEqualTo(TargetKind.HOST);
        assertThat(cpu.getScenario().getTarget().getService()).isEqualTo("storefront");
        assertThat(cpu.getScenario().getTarget().getDependency()).isNull();
        assertThat(cpu.getScenario().getParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("cpuCores", "1", "cpuPercent", "80"));
        assertThat(cpu.getBlastRadius().getTargets()).containsExactly("storefront (its hosts)");
        assertThat(cpu.getTitle()).startsWith("When 1 core(s) of storefront's host are 80% busy for 30 seconds");
        assertThat(cpu.getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-served");
        assertThat(linter.lint(cpu)).isEmpty();

        Hypothesis memory = draft(FaultType.MEMORY_EXHAUSTION, Fixtures.INVENTORY, null, 30_000, Map.of());
        assertThat(memory.getTemplateId()).isEqualTo("http-api-memory-exhaustion");
        assertThat(memory.getScenario().getParameters()).containsExactly(Map.entry("memoryMegabytes", "512"));
        assertThat(linter.lint(memory)).isEmpty();
    }

    @Test
    void shouldKillAnApisOwnProcessWithAGuardrailThatOnlyEndsItWhenTheApiStaysDown() {
        Hypothesis killed = draft(FaultType.PROCESS_KILL, Fixtures.INVENTORY, null, 20_000, Map.of());

        assertThat(killed.getScenario().getTarget().getKind()).isEqualTo(TargetKind.HOST);
        assertThat(killed.getTitle()).isEqualTo("When inventory's process is killed, its supervisor brings it back: reads fail "
                + "for at most 5 of the next 20 seconds");
        assertThat(killed.getPredictions()).singleElement().satisfies(p -> assertThat(p.getThreshold()).isEqualTo(0.25));
        assertThat(killed.getGuardrails()).singleElement().satisfies(g -> {
            assertThat(g.getEvaluationWindowMillis()).isEqualTo(10_000);
            assertThat(g.getSustainMillis()).isEqualTo(2000);
        });
    }

    @Test
    void shouldAskForTheDirectoryADiskFaultWritesInto() {
        Proposal disk = new Proposal("exp-disk", "storefront", FaultType.DISK_EXHAUSTION, null, Environment.STAGING,
                "demo-user", ProposalReason.ROUTINE, "what does the storefront do when its disk fills up?", 30_000L, Map.of());

        DraftResult withoutDirectory = Fixtures.drafter().draft(disk);
        assertThat(withoutDirectory).isInstanceOfSatisfying(DraftResult.Rejected.class, rejected ->
                assertThat(rejected.findings()).extracting(Finding::rule, Finding::path).containsExactly(
                        tuple(LintRule.INVALID_PARAMETER, "scenario.parameters.directory")));
        assertThat(((DraftResult.Rejected) withoutDirectory).findings().get(0).message())
                .contains("--label directory=/var/tmp/faultline");

        DraftResult drafted = Fixtures.drafter().draft(Fixtures.withLabels(disk, Map.of("directory", "/var/tmp/faultline",
                "diskMegabytes", "256")));
        assertThat(drafted).isInstanceOfSatisfying(DraftResult.Drafted.class, d -> {
            assertThat(d.hypothesis().getScenario().getParameters())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("directory", "/var/tmp/faultline", "diskMegabytes", "256"));
            assertThat(d.hypothesis().getTitle()).startsWith("When 256 MB are written into /var/tmp/faultline on storefront's host");
        });
    }
}
