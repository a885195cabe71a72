package dev.faultline.cli.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The replay as one JSON document (also what the HTML report is drawn from). */
final class JsonReport {

    private JsonReport() {
    }

    static String write(ReplayResult result) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay as JSON", e);
        }
    }

    static Map<String, Object> tree(ReplayResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("events", result.events());
        totals.put("undecodable", result.undecodable());
        totals.put("undecodableReasons", result.undecodableReasons());
        totals.put("eventsByTopic", result.eventsByTopic());
        totals.put("experiments", result.trails().size());
        totals.put("verdictsChecked", result.verdictsChecked());
        totals.put("verdictsReproduced", result.verdictsReproduced());
        totals.put("seconds", result.elapsed().toMillis() / 1000.0);
        totals.put("eventsPerSecond", Math.round(result.eventsPerSecond()));
        root.put("totals", totals);
        root.put("findings", result.findings().stream().map(JsonReport::finding).toList());
        List<Object> experiments = new ArrayList<>();
        for (ExperimentTrail trail : result.trails()) {
            Map<String, Object> experiment = new LinkedHashMap<>();
            experiment.put("experimentId", trail.experimentId);
            experiment.put("service", trail.service);
            experiment.put("trail", trail.entries.stream().map(JsonReport::entry).toList());
            experiment.put("verdicts", trail.verdicts.stream().map(JsonReport::verdict).toList());
            if (result.policyApplied()) {
                experiment.put("policy", trail.policy.stream().map(JsonReport::policy).toList());
            }
            experiments.add(experiment);
        }
        root.put("experiments", experiments);
        return root;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("experimentId", f.experimentId());
        m.put("injectionId", f.injectionId() == null ? null : f.injectionId().toString());
        m.put("field", f.field());
        m.put("recorded", f.recorded());
        m.put("recomputed", f.recomputed());
        m.put("message", f.message());
        return m;
    }

    private static Map<String, Object> entry(TrailEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at() == null ? null : e.at().toString());
        m.put("stage", e.stage());
        m.put("actor", e.actor());
        m.put("what", e.what());
        if (!e.details().isEmpty()) {
            m.put("details", e.details());
        }
        return m;
    }

    private static Map<String, Object> policy(ExperimentTrail.PolicyOutcome p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("injectionId", String.valueOf(p.injectionId()));
        m.put("recorded", String.valueOf(p.recorded()));
        m.put("recordedStop", p.recordedStop());
        m.put("wouldBe", String.valueOf(p.wouldBe()));
        m.put("wouldBeSummary", p.wouldBeSummary());
        m.put("guardrailTrips", p.trips().stream().map(t -> Map.of("guardrailId", t.guardrailId(),
                "at", t.at().toString(), "holdingSince", t.holdingSince().toString(), "observed", t.observed())).toList());
        m.put("predictions", p.predictions());
        return m;
    }

    private static Map<String, Object> verdict(ExperimentTrail.CheckedVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("injectionId", v.injectionId() == null ? null : v.injectionId().toString());
        m.put("revision", v.revision());
        m.put("rule", v.rule());
        m.put("recorded", String.valueOf(v.recorded()));
        m.put("recomputed", v.recomputed() == null ? null : v.recomputed().name());
        m.put("reproduced", v.reproduced());
        m.put("differences", v.differences().stream().map(d -> Map.of("field", d.field(),
                "recorded", String.valueOf(d.recorded()), "recomputed", String.valueOf(d.recomputed()))).toList());
        return m;
    }
}
