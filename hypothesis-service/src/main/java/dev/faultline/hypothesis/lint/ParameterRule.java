package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault's own attributes must make sense: toxicity within (0, 1], {@code latencyMillis} a positive whole
 * number of milliseconds, {@code status} an HTTP error status (400..599), {@code flipEvery} (a malformed body: every
 * flipEvery-th byte inverted) a whole number from 1; for host faults {@code cpuCores} at least 1,
 * {@code cpuPercent} 1..100, {@code memoryMegabytes} and {@code diskMegabytes} 1..1048576 and {@code directory} (where a
 * disk fault writes) an absolute path — the agent checks the rest on its host (its allow-list, its floors).
 */
public final class ParameterRule implements HypothesisRule {

    @Override
    public List<Finding> check(Hypothesis h) {
        FaultSpec scenario = h.getScenario();
        List<Finding> findings = new ArrayList<>();
        if (!(scenario.getToxicity() > 0 && scenario.getToxicity() <= 1)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.toxicity",
                    "toxicity (share of traffic affected) must be greater than 0 and at most 1, was " + scenario.getToxicity()));
        }
        String latency = scenario.getParameters().get("latencyMillis");
        if (latency != null && !inRange(latency, 1, 60_000)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.parameters.latencyMillis",
                    "latencyMillis must be a whole number of milliseconds from 1 to 60000, was '" + latency + "'"));
        }
        String status = scenario.getParameters().get("status");
        if (status != null && !inRange(status, 400, 599)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.parameters.status",
                    "status must be an HTTP error status from 400 to 599, was '" + status + "'"));
        }
        String flipEvery = scenario.getParameters().get("flipEvery");
        if (flipEvery != null && !inRange(flipEvery, 1, Integer.MAX_VALUE)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.parameters.flipEvery",
                    "flipEvery must be a whole number from 1 (every byte) up, was '" + flipEvery + "'"));
        }
        range(scenario, "cpuCores", 1, 1024, "a whole number of cores from 1 to 1024", findings);
        range(scenario, "cpuPercent", 1, 100, "a whole percentage from 1 to 100", findings);
        range(scenario, "memoryMegabytes", 1, 1_048_576, "a whole number of MB from 1 to 1048576", findings);
        range(scenario, "diskMegabytes", 1, 1_048_576, "a whole number of MB from 1 to 1048576", findings);
        String directory = scenario.getParameters().get("directory");
        if (directory != null && !directory.trim().startsWith("/")) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.parameters.directory", scenario.getFaultType()
                    + " writes its files into 'directory', the absolute path of a directory the host's agent allows"
                    + " (its allow.directories); was '" + directory + "': propose with --label directory=/var/tmp/faultline"));
        }
        return findings;
    }

    private static void range(FaultSpec scenario, String name, long min, long max, String what, List<Finding> findings) {
        String value = scenario.getParameters().get(name);
        if (value != null && !inRange(value, min, max)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, "scenario.parameters." + name,
                    name + " must be " + what + ", was '" + value + "'"));
        }
    }

    private static boolean inRange(String value, long min, long max) {
        try {
            long v = Long.parseLong(value.trim());
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
