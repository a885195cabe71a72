package dev.faultline.safety.halt;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.http.ApiValidationException;
import dev.faultline.kit.security.Roles;
import dev.faultline.schemas.avro.HaltLifted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operators' halt API: {@code POST /halts} publishes HaltRequested on the control topic (key = experiment id,
 * {@code env:<ENV>} or {@code *}), {@code DELETE /halts/{haltId}} publishes HaltLifted — both need the role
 * {@code operator}, and the event's actor is the caller's token subject —, {@code GET /halts} lists the active ones
 * (as read back from the topic) to any signed-in caller.
 */
@Controller("/halts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HaltController {

    private final EventPublisher publisher;
    private final ActiveHalts halts;
    private final Clock clock;

    public HaltController(EventPublisher publisher, ActiveHalts halts, Clock clock) {
        this.publisher = publisher;
        this.halts = halts;
        this.clock = clock;
    }

    @Post
    public HttpResponse<Map<String, String>> halt(@Body HaltRequest request, Authentication caller) {
        Roles.require(caller, Roles.OPERATOR, "halting");
        List<String> problems = HaltRequests.problems(request);
        if (!problems.isEmpty()) {
            throw new ApiValidationException(HttpStatus.BAD_REQUEST, "invalid halt", problems);
        }
        Halt halt = HaltRequests.toHalt(request);
        publisher.publish(halt.key(), halt.requested(Actors.person(caller.getName()), clock));
        return HttpResponse.accepted().body(Map.of("haltId", halt.haltId().toString(), "key", halt.key()));
    }

    @Delete("/{haltId}")
    public Map<String, String> lift(@PathVariable String haltId, @QueryValue @Nullable String reason,
                                    @QueryValue @Nullable String by, Authentication caller) {
        Roles.require(caller, Roles.OPERATOR, "lifting a halt");
        Roles.refuseNamedActor(caller, by, "by", "leave it out");
        UUID id;
        try {
            id = UUID.fromString(haltId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("haltId must be a UUID");
        }
        Halt halt = halts.find(id).orElseThrow(() -> ApiException.notFound("no active halt " + haltId));
        publisher.publish(halt.key(), HaltLifted.newBuilder()
                .setHeader(EventHeaders.first(halt.key(), Actors.person(caller.getName()), clock))
                .setHaltId(id).setReason(reason == null ? "" : reason).build());
        return Map.of("haltId", haltId, "status", "LIFTED");
    }

    @Get
    public List<Map<String, String>> active() {
        return halts.all().stream().map(h -> Map.of("haltId", h.haltId().toString(), "scope", h.scope().name(),
                "key", h.key(), "reason", h.reason())).toList();
    }
}
