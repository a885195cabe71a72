package dev.faultline.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.args.Args;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void shouldPreferFlagsThenEnvironmentThenDemoPorts() {
        Args args = Args.parse(List.of("--safety-url", "http://safety:1"), Endpoints.OPTIONS, Set.of());

        Endpoints endpoints = Endpoints.from(args, Map.of("FAULTLINE_SAFETY_URL", "http://ignored:2",
                "FAULTLINE_CATALOG_URL", "http://catalog:3"));

        assertThat(endpoints.safety()).isEqualTo("http://safety:1");
        assertThat(endpoints.catalog()).isEqualTo("http://catalog:3");
        assertThat(endpoints.hypothesis()).isEqualTo("http://127.0.0.1:8101");
        assertThat(endpoints.kafka()).isEqualTo("127.0.0.1:9092");
    }
}
