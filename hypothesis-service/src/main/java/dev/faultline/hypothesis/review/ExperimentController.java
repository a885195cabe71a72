package dev.faultline.hypothesis.review;

import dev.faultline.hypothesis.experiment.Experiment;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.http.ApiValidationException;
import dev.faultline.kit.security.Roles;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code GET /experiments/{id}/hypothesis} (the latest revision, or the rejection; any signed-in caller) and
 * {@code POST /experiments/{id}/reviews} (role {@code reviewer}; the reviewer is the token's subject, so the proposer
 * cannot accept their own plan under another name); the review rules are {@link ReviewService}'s.
 */
@Controller("/experiments/{id}")
public class ExperimentController {

    private final Experiments experiments;
    private final ReviewService reviews;
    private final JsonMapper json;

    public ExperimentController(Experiments experiments, ReviewService reviews, JsonMapper json) {
        this.experiments = experiments;
        this.reviews = reviews;
        this.json = json;
    }

    /** The answer to a recorded review. */
    @Serdeable
    public record Reviewed(int revision, String decision) {
    }

    @Get("/hypothesis")
    public Map<String, Object> hypothesis(@PathVariable String id) {
        Experiment e = experiments.find(id).orElseThrow(() -> ApiException.notFound("no experiment " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experimentId", id);
        body.put("revision", e.revision());
        body.put("status", e.status().name());
        body.put("proposer", e.proposer());
        e.latest().ifPresent(d -> {
            body.put("hypothesis", asMap(d.getHypothesis()));
            body.put("changeSummary", d.getChangeSummary());
            body.put("warnings", d.getWarnings().stream().map(f -> f.getRule() + ": " + f.getMessage()).toList());
        });
        if (e.rejection() != null) {
            body.put("findings", e.rejection().getFindings().stream()
                    .map(f -> f.getRule() + (f.getPath() == null ? "" : " at " + f.getPath()) + ": " + f.getMessage())
                    .toList());
        }
        return body;
    }

    @Post("/reviews")
    public Reviewed review(@PathVariable String id, @Body ReviewRequest request, Authentication caller) {
        Roles.require(caller, Roles.REVIEWER, "reviewing a plan");
        Roles.refuseNamedActor(caller, request.reviewer(), "reviewer", "leave it out of the body");
        Review.Decision decision = decision(request.decision());
        try {
            ReviewService.Outcome outcome = reviews.review(id, new Review(caller.getName(), decision,
                    request.comment(), request.changes()));
            return new Reviewed(outcome.revision(), outcome.decision().name());
        } catch (ReviewRefused refused) {
            throw switch (refused.kind()) {
                case NOT_FOUND -> ApiException.notFound(refused.getMessage());
                case FORBIDDEN -> ApiException.forbidden(refused.getMessage());
                case CONFLICT -> ApiException.conflict(refused.getMessage());
                case INVALID -> ApiException.badRequest(refused.getMessage());
                case UNPROCESSABLE -> new ApiValidationException(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage(),
                        refused.reasons());
            };
        }
    }

    private static Review.Decision decision(String value) {
        try {
            return Review.Decision.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("decision '" + value + "' is not one of " + Arrays.toString(Review.Decision.values()));
        }
    }

    /** Avro's own JSON rendering of a record (unions unwrapped, enums as names), as a JSON object. */
    private Map<String, Object> asMap(SpecificRecord record) {
        try {
            return json.readValue(record.toString(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
