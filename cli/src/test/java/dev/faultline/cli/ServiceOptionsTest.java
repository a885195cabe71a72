package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.http.Endpoints;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

class ServiceOptionsTest {

    /** Declares the service options the way every command against running services does. */
    @Command(name = "probe")
    static final class Probe {
        @Parameters
        String experimentId;

        @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
        ServiceOptions services = new ServiceOptions();
    }

    private static Endpoints endpoints(Map<String, String> env, String... args) {
        Probe probe = new Probe();
        CommandLine command = new CommandLine(probe);
        command.setDefaultValueProvider(new EnvironmentDefaults(env));
        command.parseArgs(args);
        return probe.services.endpoints();
    }

    @Test
    void shouldPreferFlagsThenEnvironmentThenDemoPorts() {
        Endpoints endpoints = endpoints(Map.of("FAULTLINE_SAFETY_URL", "http://ignored:2",
                "FAULTLINE_CATALOG_URL", "http://catalog:3"), "exp-1", "--safety-url", "http://safety:1");

        assertThat(endpoints.safety()).isEqualTo("http://safety:1");
        assertThat(endpoints.catalog()).isEqualTo("http://catalog:3");
        assertThat(endpoints.hypothesis()).isEqualTo("http://127.0.0.1:8101");
        assertThat(endpoints.kafka()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldUseTheDemoPortsWithoutFlagsOrEnvironment() {
        assertThat(endpoints(Map.of(), "exp-1").withToken(null)).isEqualTo(new Endpoints("http://127.0.0.1:8101",
                "http://127.0.0.1:8102", "http://127.0.0.1:8103", "http://127.0.0.1:8104", "http://127.0.0.1:8105",
                "127.0.0.1:9092", "http://127.0.0.1:8081", null, null));
    }

    @Test
    void shouldReadEveryServiceOptionFromItsVariable() {
        Map<String, String> env = Map.of("FAULTLINE_HYPOTHESIS_URL", "h", "FAULTLINE_SAFETY_URL", "s",
                "FAULTLINE_INJECTOR_URL", "i", "FAULTLINE_ANALYSIS_URL", "a", "FAULTLINE_CATALOG_URL", "c",
                "FAULTLINE_KAFKA", "k", "FAULTLINE_REGISTRY_URL", "r", "FAULTLINE_KAFKA_CONFIG", "kc");

        assertThat(endpoints(env, "exp-1").withToken(null))
                .isEqualTo(new Endpoints("h", "s", "i", "a", "c", "k", "r", "kc", null));
    }

    @Test
    void shouldNameVariablesAfterOptions() {
        assertThat(EnvironmentDefaults.variable("--registry-url")).isEqualTo("FAULTLINE_REGISTRY_URL");
        assertThat(EnvironmentDefaults.variable("--kafka")).isEqualTo("FAULTLINE_KAFKA");
    }
}
