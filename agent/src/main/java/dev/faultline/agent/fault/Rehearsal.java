package dev.faultline.agent.fault;

import dev.faultline.agent.host.Host;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rollback rehearsal did, step by step; {@code ok} when every step was.
 *
 * @param kind  the fault kind rehearsed
 * @param ok    every step succeeded
 * @param steps in order
 */
public record Rehearsal(String kind, boolean ok, List<Step> steps) {

    public record Step(String action, boolean ok, String detail) {
    }

    public Rehearsal {
        steps = List.copyOf(steps);
    }

    public Rehearsal forKind(String kindName) {
        return new Rehearsal(kindName, ok, steps);
    }

    /** Collects steps; {@link #done()} makes the rehearsal. */
    public static final class Steps {
        private final List<Step> steps = new ArrayList<>();

        public Steps add(String action, boolean ok, String detail) {
            steps.add(new Step(action, ok, detail));
            return this;
        }

        public Steps add(String action, Check check) {
            return add(action, check.ok(), check.detail());
        }

        public Rehearsal done() {
            return new Rehearsal("", steps.stream().allMatch(Step::ok), steps);
        }
    }

    /**
     * The rehearsal of a kind that has a harmless instance: apply it, check it, remove it and
     * verify the removal. A step that throws ends the rehearsal (after undoing what was applied).
     */
    public static Rehearsal applyAndRemove(HostFault harmless, String name, Host host) {
        Steps steps = new Steps();
        Effect effect = harmless.apply(name, host);
        steps.add("apply " + harmless, true, "applied");
        try {
            steps.add("check the effect", effect.check());
        } catch (RuntimeException e) {
            steps.add("check the effect", false, e.toString());
        }
        steps.add("remove and verify the removal", effect.remove());
        return steps.done();
    }
}
