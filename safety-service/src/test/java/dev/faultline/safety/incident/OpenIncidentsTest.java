package dev.faultline.safety.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.IncidentStatus;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenIncidentsTest {

    private static final Instant SINCE = Instant.parse("2026-11-26T11:30:00Z");
    private static final Set<String> STOREFRONT_AND_PRICING = Set.of("storefront", "pricing");

    private static OpenIncidents.Incident incident(String id, IncidentStatus status, Environment env, String service) {
        return new OpenIncidents.Incident(id, "pricing slow", status, env, Set.of(service), SINCE);
    }

    @Test
    void shouldBlockOnAnOpenIncidentOfADependencyNamingIt() {
        OpenIncidents incidents = new OpenIncidents();
        incidents.recorded(incident("INC-7", IncidentStatus.OPEN, Environment.PRODUCTION, "pricing"));
        CheckResult result = incidents.check(Environment.PRODUCTION, STOREFRONT_AND_PRICING);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("incident INC-7 'pricing slow' (OPEN since 2026-11-26T11:30:00Z) on pricing");
        assertThat(result.details()).containsEntry("incidents", "INC-7");
    }

    @Test
    void shouldPassOnceResolvedAndIgnoreOtherServicesAndEnvironments() {
        OpenIncidents incidents = new OpenIncidents();
        incidents.recorded(incident("INC-7", IncidentStatus.MITIGATED, Environment.PRODUCTION, "pricing"));
        assertThat(incidents.check(Environment.PRODUCTION, STOREFRONT_AND_PRICING).isFailed()).isTrue();
        incidents.recorded(incident("INC-7", IncidentStatus.RESOLVED, Environment.PRODUCTION, "pricing"));
        incidents.recorded(incident("INC-8", IncidentStatus.OPEN, Environment.STAGING, "pricing"));
        incidents.recorded(incident("INC-9", IncidentStatus.OPEN, Environment.PRODUCTION, "checkout"));
        CheckResult result = incidents.check(Environment.PRODUCTION, STOREFRONT_AND_PRICING);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("no open incident on pricing,storefront in PRODUCTION");
    }
}
