package dev.faultline.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void shouldSendEachPageReadToTheServiceThatOwnsIt() {
        assertThat(Routes.of(HttpMethod.GET, "experiments")).contains(Upstream.CATALOG);
        assertThat(Routes.of(HttpMethod.GET, "experiments/exp-1")).contains(Upstream.CATALOG);
        assertThat(Routes.of(HttpMethod.GET, "experiments/exp-1/hypothesis")).contains(Upstream.HYPOTHESIS);
        assertThat(Routes.of(HttpMethod.GET, "experiments/exp-1/verdict")).contains(Upstream.ANALYSIS);
        assertThat(Routes.of(HttpMethod.GET, "experiments/exp-1/evidence")).contains(Upstream.ANALYSIS);
        assertThat(Routes.of(HttpMethod.GET, "experiments/exp-1/report.html")).contains(Upstream.ANALYSIS);
        assertThat(Routes.of(HttpMethod.GET, "catalog")).contains(Upstream.CATALOG);
        assertThat(Routes.of(HttpMethod.GET, "catalog/gaps")).contains(Upstream.CATALOG);
        assertThat(Routes.of(HttpMethod.GET, "catalog/storefront/NETWORK_LATENCY")).contains(Upstream.CATALOG);
        assertThat(Routes.of(HttpMethod.GET, "follow-ups")).contains(Upstream.ANALYSIS);
    }

    @Test
    void shouldForwardOnlyTheWritesAPersonMakesFromThePages() {
        assertThat(Routes.of(HttpMethod.POST, "halts")).contains(Upstream.SAFETY);
        assertThat(Routes.of(HttpMethod.DELETE, "halts/h-1")).contains(Upstream.SAFETY);
        assertThat(Routes.of(HttpMethod.POST, "follow-ups/f-1/transitions")).contains(Upstream.ANALYSIS);

        assertThat(Routes.of(HttpMethod.POST, "proposals")).as("proposing is the CLI's and the tools'").isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "experiments/exp-1/approvals")).isEmpty();
        assertThat(Routes.of(HttpMethod.POST, "targets")).isEmpty();
        assertThat(Routes.of(HttpMethod.DELETE, "experiments/exp-1")).isEmpty();
    }

    @Test
    void shouldRefuseAPathThatClimbsOutOfItsRoute() {
        assertThat(Routes.of(HttpMethod.GET, "experiments/..")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "experiments/../targets")).isEmpty();
        assertThat(Routes.of(HttpMethod.GET, "catalog/../../admin")).isEmpty();
    }

    @Test
    void shouldDescribeWhatItForwards() {
        assertThat(Routes.described()).contains("POST /api/halts", "GET /api/experiments/{id}/hypothesis");
    }
}
