package dev.faultline.analysis.followup;

import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.security.Roles;
import dev.faultline.schemas.avro.FollowUpState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The follow-up queue's HTTP API. Reading ({@code GET /follow-ups}, {@code GET /follow-ups/{id}}) is open to any
 * signed-in caller, the auditor among them; triaging ({@code POST /follow-ups/{id}/transitions}) needs the role
 * reviewer (who judges plans and so their outcomes) or operator (who runs the experiments), and the change's actor is
 * the caller's token subject. A transition the lifecycle forbids is a 409 naming the states allowed from the current
 * one; an incomplete request (an unknown state, WONT_FIX without a note) a 400.
 */
@Controller("/follow-ups")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FollowUpController {

    /** The roles that may triage, any one of them. */
    static final List<String> TRIAGERS = List.of(Roles.REVIEWER, Roles.OPERATOR);

    private final FollowUpStore store;
    private final FollowUpTriage triage;

    public FollowUpController(FollowUpStore store, FollowUpTriage triage) {
        this.store = store;
        this.triage = triage;
    }

    /** The body of a transition: the state to move to, and optionally a new assignee and a note. */
    @Serdeable
    public record TransitionRequest(@Nullable String state, @Nullable String assignee, @Nullable String note,
                                    @Nullable String actor) {
    }

    @Get
    public List<FollowUpView> list(@QueryValue @Nullable String state, @QueryValue @Nullable String service,
                                   @QueryValue @Nullable String assignee, @QueryValue @Nullable String experiment) {
        FollowUpState wanted = state == null ? null : parseState(state);
        return store.all().stream()
                .filter(f -> wanted == null || f.state() == wanted)
                .filter(f -> service == null || service.equals(f.opened().getService()))
                .filter(f -> assignee == null || assignee.equals(f.assignee()))
                .filter(f -> experiment == null || experiment.equals(f.experimentId()))
                .sorted(Comparator.comparing((QueuedFollowUp f) -> f.opened().getHeader().getOccurredAt())
                        .thenComparing(f -> f.opened().getIndex()))
                .map(f -> FollowUpView.of(f, null)).toList();
    }

    @Get("/{id}")
    public FollowUpView get(@PathVariable String id) {
        UUID followUpId = parseId(id);
        return store.find(followUpId).map(f -> FollowUpView.of(f, store.history(followUpId)))
                .orElseThrow(() -> ApiException.notFound("no follow-up " + id));
    }

    @Post("/{id}/transitions")
    public FollowUpView transition(@PathVariable String id, @Body TransitionRequest request, Authentication caller) {
        if (TRIAGERS.stream().noneMatch(caller.getRoles()::contains)) {
            throw ApiException.forbidden("triaging a follow-up needs the role " + String.join(" or ", TRIAGERS) + "; "
                    + caller.getName() + " has " + (caller.getRoles().isEmpty() ? "no roles"
                    : String.join(", ", new TreeSet<>(caller.getRoles()))));
        }
        Roles.refuseNamedActor(caller, request.actor(), "actor", "leave it out of the body");
        UUID followUpId = parseId(id);
        if (request.state() == null || request.state().isBlank()) {
            throw ApiException.badRequest("state is required: one of " + Triage.STATES);
        }
        FollowUpState to = parseState(request.state());
        try {
            return triage.transition(followUpId, to, request.assignee(), request.note(), caller.getName())
                    .map(f -> FollowUpView.of(f, store.history(followUpId)))
                    .orElseThrow(() -> ApiException.notFound("no follow-up " + id));
        } catch (Triage.Refused refused) {
            throw refused.conflict() ? ApiException.conflict("follow-up " + id + ": " + refused.getMessage())
                    : ApiException.badRequest(refused.getMessage());
        }
    }

    private static FollowUpState parseState(String state) {
        try {
            FollowUpState parsed = FollowUpState.valueOf(state.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (Triage.STATES.contains(parsed)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("state must be one of " + Triage.STATES + ", was '" + state + "'");
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("a follow-up id is a UUID, was '" + id + "'");
        }
    }
}
