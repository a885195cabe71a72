package dev.faultline.catalog.document;

import dev.faultline.catalog.behaviour.BehaviourView;
import dev.faultline.catalog.behaviour.Gap;
import dev.faultline.catalog.behaviour.Staleness;
import dev.faultline.catalog.experiment.ExperimentResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The known-behaviour catalog as a Markdown document (the one place it is written; {@code GET /catalog/document}
 * serves it, {@code faultline catalog --markdown} prints it): per service and failure mode, how the service actually
 * behaved on each dimension — the value last observed against the prediction's threshold, how often it held — with
 * the experiments behind each line (verdict, environment, when), whether the entry is stale and why, and the failure
 * modes never tested, each with the command that proposes it. Pure.
 */
public final class CatalogDocument {

    /** Evidence lines cite at most this many experiments, the latest; the rest are counted. */
    static final int CITED = 3;
    private static final Map<String, String> SYMBOLS = Map.of("LESS_THAN", "<", "LESS_OR_EQUAL", "≤", "GREATER_THAN", ">",
            "GREATER_OR_EQUAL", "≥", "EQUAL", "=", "NOT_EQUAL", "≠");

    private final Function<String, Optional<ExperimentResponse>> experiments;
    private final Instant now;

    /** @param experiments an experiment's view by id (its verdict, environment and time) */
    public CatalogDocument(Function<String, Optional<ExperimentResponse>> experiments, Instant now) {
        this.experiments = experiments;
        this.now = now;
    }

    public String render(List<BehaviourView> entries, List<Gap> gaps) {
        StringBuilder md = new StringBuilder("# How the system behaves under failure\n\n");
        long stale = entries.stream().filter(BehaviourView::stale).count();
        long untested = gaps.stream().filter(g -> !g.tested()).count();
        md.append(String.format(Locale.ROOT, "Faultline's known-behaviour catalog at %s: %d %s (%d stale), %d failure %s "
                        + "never tested. Each line gives the value observed against the prediction, how often it held, "
                        + "and the experiments behind it.%n", now, entries.size(), entries.size() == 1 ? "entry" : "entries",
                stale, untested, untested == 1 ? "mode" : "modes"));
        TreeSet<String> services = new TreeSet<>();
        entries.forEach(e -> services.add(e.service()));
        gaps.forEach(g -> services.add(g.service()));
        for (String service : services) {
            md.append("\n## ").append(service).append('\n');
            entries.stream().filter(e -> e.service().equals(service)).forEach(e -> entry(md, e));
            List<Gap> never = gaps.stream().filter(g -> g.service().equals(service) && !g.tested()).toList();
            if (!never.isEmpty()) {
                md.append("\n### Never tested\n\n");
                never.forEach(g -> md.append("- ").append(g.faultType()).append(" — propose it: `faultline catalog propose-gap ")
                        .append(service).append(' ').append(g.faultType()).append("`\n"));
            }
        }
        if (services.isEmpty()) {
            md.append("\nNothing is known yet: no verdict has reached the catalog and no target is declared.\n");
        }
        return md.toString();
    }

    private void entry(StringBuilder md, BehaviourView e) {
        md.append("\n### Under ").append(e.faultType()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Tested by %d %s, last %s (%s ago); latest change %s.%n",
                e.experimentIds().size(), e.experimentIds().size() == 1 ? "experiment" : "experiments", e.lastTestedAt(),
                ago(e.lastTestedAt()), e.change()));
        if (e.stale()) {
            md.append("**Stale:** ").append(e.staleReason()).append(".\n");
        }
        md.append('\n');
        if (e.dimensions().isEmpty()) {
            md.append("- no dimension measured yet (no conclusive verdict). Evidence: ").append(evidence(e.experimentIds()))
                    .append('\n');
        }
        for (BehaviourView.Dimension d : e.dimensions()) {
            md.append("- **").append(d.dimension()).append("** (").append(d.statistic()).append("): ")
                    .append(observed(d)).append(" — ").append(outcome(d.lastOutcome())).append(" last time; held ")
                    .append(d.confirmations()).append("×, not held ").append(d.contradictions()).append("×. Evidence: ")
                    .append(evidence(d.experimentIds())).append('\n');
        }
    }

    private static String observed(BehaviourView.Dimension d) {
        String value = d.lastObserved() == null ? "no value observed" : "observed " + value(d.lastObserved(), d.unit());
        if (d.comparator() == null || d.threshold() == null) {
            return value;
        }
        return value + " against the prediction " + SYMBOLS.getOrDefault(d.comparator(), d.comparator()) + " "
                + value(d.threshold(), d.unit());
    }

    private static String value(double v, String unit) {
        return switch (unit) {
            case "MILLISECONDS" -> String.format(Locale.ROOT, "%.0f ms", v);
            case "RATIO" -> String.format(Locale.ROOT, "%.4g", v);
            case "PER_SECOND" -> String.format(Locale.ROOT, "%.4g/s", v);
            default -> String.format(Locale.ROOT, "%.4g", v);
        };
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "HELD" -> "held";
            case "NOT_HELD" -> "did not hold";
            default -> "inconclusive";
        };
    }

    private String evidence(List<String> experimentIds) {
        List<String> cited = new ArrayList<>();
        int from = Math.max(0, experimentIds.size() - CITED);
        for (int i = experimentIds.size() - 1; i >= from; i--) {
            String id = experimentIds.get(i);
            cited.add(experiments.apply(id).map(x -> "`" + id + "` (" + (x.verdict() == null ? x.status() : x.verdict())
                    + (x.environment() == null ? "" : " in " + x.environment())
                    + (x.updatedAt() == null ? "" : ", " + x.updatedAt()) + ")").orElse("`" + id + "`"));
        }
        String text = String.join("; ", cited);
        return from == 0 ? text : text + "; and " + from + " earlier";
    }

    private String ago(Instant then) {
        Duration age = Duration.between(then, now);
        return age.isNegative() ? "0 seconds" : Staleness.describe(age);
    }
}
