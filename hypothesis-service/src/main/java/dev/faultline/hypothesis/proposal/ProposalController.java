package dev.faultline.hypothesis.proposal;

import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.http.ApiValidationException;
import dev.faultline.kit.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * {@code POST /proposals} (role {@code proposer}; the proposer is the token's subject): checks the request (400 naming
 * the field), drafts and lints it at once (422 with the reasons, nothing published), else publishes the proposal and
 * answers 202 with its experiment id. The event loop then drafts it from the topic, like any other proposal.
 */
@Controller("/proposals")
public class ProposalController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HypothesisDrafter drafter;
    private final ProposalEvents events;
    private final Clock clock;

    public ProposalController(HypothesisDrafter drafter, ProposalEvents events, Clock clock) {
        this.drafter = drafter;
        this.events = events;
        this.clock = clock;
    }

    /** The answer to an accepted proposal. */
    @Serdeable
    public record Accepted(String experimentId) {
    }

    @Post
    public HttpResponse<Accepted> propose(@Body ProposalRequest request, Authentication caller) {
        Roles.require(caller, Roles.PROPOSER, "proposing an experiment");
        Proposal proposal;
        try {
            proposal = ProposalRequests.toProposal(request, newExperimentId(), caller.getName(), clock.instant());
        } catch (ProposalRequests.InvalidRequest e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (drafter.draft(proposal) instanceof DraftResult.Rejected rejected) {
            throw new ApiValidationException(HttpStatus.UNPROCESSABLE_ENTITY, "the proposal would be rejected",
                    rejected.findings().stream().map(Finding::reason).toList());
        }
        events.proposed(proposal);
        return HttpResponse.accepted().body(new Accepted(proposal.experimentId()));
    }

    private static String newExperimentId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "exp-" + HexFormat.of().formatHex(bytes);
    }
}
