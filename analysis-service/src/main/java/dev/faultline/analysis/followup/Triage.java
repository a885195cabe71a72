package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.FollowUpState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The follow-up lifecycle, a closed state machine: OPEN → ACCEPTED → DONE, OPEN → DONE, and OPEN or ACCEPTED →
 * WONT_FIX with a note saying why; DONE and WONT_FIX are final. A follow-up that is not final may also stay in its
 * state with a new assignee. Pure: {@link #decide} says what a request changes, or why it may not.
 */
public final class Triage {

    private static final Map<FollowUpState, Set<FollowUpState>> NEXT = Map.of(
            FollowUpState.OPEN, EnumSet.of(FollowUpState.ACCEPTED, FollowUpState.DONE, FollowUpState.WONT_FIX),
            FollowUpState.ACCEPTED, EnumSet.of(FollowUpState.DONE, FollowUpState.WONT_FIX),
            FollowUpState.DONE, EnumSet.noneOf(FollowUpState.class),
            FollowUpState.WONT_FIX, EnumSet.noneOf(FollowUpState.class));

    /** The states a request may name. */
    public static final List<FollowUpState> STATES = List.of(FollowUpState.OPEN, FollowUpState.ACCEPTED,
            FollowUpState.DONE, FollowUpState.WONT_FIX);

    /** What a request changes: the state from and to (equal for a new assignee only), the assignee after, the note. */
    public record Change(FollowUpState from, FollowUpState to, String assignee, String note) {
    }

    /** A request the lifecycle does not allow; {@code conflict} when the follow-up's state forbids it (else the request is incomplete). */
    public static final class Refused extends RuntimeException {

        private final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    private Triage() {
    }

    /**
     * The change {@code to} (with an optional new {@code assignee} and {@code note}) makes to a follow-up in state
     * {@code from} assigned to {@code currentAssignee}.
     *
     * @throws Refused saying what is allowed from {@code from}
     */
    public static Change decide(FollowUpState from, String currentAssignee, FollowUpState to, String assignee, String note) {
        String newAssignee = blank(assignee) ? currentAssignee : assignee.strip();
        String why = blank(note) ? null : note.strip();
        if (to == null || !STATES.contains(to)) {
            throw new Refused("state must be one of " + names(STATES) + ", was " + to, false);
        }
        if (NEXT.get(from).isEmpty()) {
            throw new Refused("the follow-up is " + from + ", which is final: nothing may follow it", true);
        }
        if (to == from) {
            if (blank(assignee) || newAssignee.equals(currentAssignee)) {
                throw new Refused("the follow-up is already " + from + "; " + allowed(from), true);
            }
            return new Change(from, to, newAssignee, why);
        }
        if (!NEXT.get(from).contains(to)) {
            throw new Refused(from + " → " + to + " is not allowed; " + allowed(from), true);
        }
        if (to == FollowUpState.WONT_FIX && why == null) {
            throw new Refused("WONT_FIX needs a note saying why the follow-up will not be done", false);
        }
        return new Change(from, to, newAssignee, why);
    }

    /** Whether nothing may follow {@code state}. */
    public static boolean isFinal(FollowUpState state) {
        return NEXT.getOrDefault(state, Set.of()).isEmpty();
    }

    private static String allowed(FollowUpState from) {
        return "from " + from + " it may go to " + names(NEXT.get(from)) + " (WONT_FIX with a note), or stay " + from
                + " with a new assignee";
    }

    private static String names(Set<FollowUpState> states) {
        return names(List.copyOf(states));
    }

    private static String names(List<FollowUpState> states) {
        return states.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
