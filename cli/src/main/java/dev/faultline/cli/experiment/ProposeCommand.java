package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.ServiceCommand;
import dev.faultline.cli.schedule.WhenOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code faultline propose}: sends a proposal to hypothesis-service and prints the experiment id. */
@Command(name = "propose", description = {"Propose an experiment; prints its id only (id=$(faultline propose ...)).",
    "POST /proposals to hypothesis-service, as the signed-in user (role proposer; see faultline login).",
    "With --at or --window, safety-service runs the preflight at the start, not once approved."})
public final class ProposeCommand extends ServiceCommand {

    @Option(names = "--service", required = true, paramLabel = "S", description = "the service to experiment on")
    String service;

    @Option(names = "--fault", required = true, paramLabel = "FAULT_TYPE",
            description = "e.g. NETWORK_BLACKHOLE or network-blackhole")
    String fault;

    @Option(names = "--dependency", paramLabel = "D", description = "the dependency the fault hits, e.g. pricing")
    String dependency;

    @Option(names = "--env", paramLabel = "ENVIRONMENT", defaultValue = "STAGING", description = "default ${DEFAULT-VALUE}")
    String environment;

    @Option(names = "--why", required = true, paramLabel = "TEXT", description = "the motivation")
    String motivation;

    @Option(names = "--reason", paramLabel = "REASON", description = "e.g. ROUTINE; INCIDENT with --incident")
    String reason;

    @Option(names = "--incident", paramLabel = "ID", description = "the incident that prompted it (implies --reason INCIDENT)")
    String incident;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "how long the fault lasts")
    Integer durationSeconds;

    @Option(names = "--traffic-share", paramLabel = "0..1", description = "share of traffic the fault affects")
    Double trafficShare;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "a label; repeatable")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--at", paramLabel = "INSTANT", description = {"run then, not once approved: the preflight runs at"
        + " this time (ISO-8601, e.g. 2026-12-07T10:00Z)"})
    String at;

    @Option(names = "--window", paramLabel = "START/END", description = {"run within this window: the preflight runs at"
        + " START, the run must end by END (ISO-8601, e.g. 2026-12-07T10:00Z/2026-12-07T12:00Z)"})
    String window;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode answer = services.endpoints().hypothesisService().post("/proposals", body());
        cli.out().println(answer.path("experimentId").asText());
        return 0;
    }

    /** The {@code POST /proposals} body the flags describe. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("faultType", fault.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (dependency != null) {
            body.put("dependency", dependency);
        }
        body.put("environment", environment.toUpperCase(Locale.ROOT));
        if (reason != null) {
            body.put("reason", reason.toUpperCase(Locale.ROOT));
        } else if (incident != null) {
            body.put("reason", "INCIDENT");
        }
        if (incident != null) {
            body.put("incidentId", incident);
        }
        body.put("motivation", motivation);
        if (durationSeconds != null) {
            body.put("durationSeconds", durationSeconds);
        }
        if (trafficShare != null) {
            body.put("trafficShare", trafficShare);
        }
        if (!labels.isEmpty()) {
            body.put("labels", labels);
        }
        when(body);
        return body;
    }

    /** {@code --at} or {@code --window START/END} as the body's {@code at} or {@code windowStart}/{@code windowEnd}. */
    private void when(Map<String, Object> body) {
        if (at != null && window != null) {
            throw new ParameterException(spec.commandLine(), "give --at or --window, not both");
        }
        WhenOptions.putInto(body, at, window, spec.commandLine());
    }
}
