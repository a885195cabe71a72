package dev.faultline.analysis.followup;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.VerdictIssued;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the follow-ups of each verdict in the queue, once: each is claimed in the store, then published, then marked
 * published — a claim whose publication failed is published (the same event) when the verdict is seen again, and a
 * redelivered verdict opens nothing new, because a follow-up's id is derived from the verdict's event id and its index.
 * The assignee is the first owner of the service's target in the verdict's environment.
 */
public final class FollowUpOpener {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpOpener.class);

    private final FollowUpStore store;
    private final FollowUpEvents events;
    private final TargetOwners owners;
    private final Clock clock;
    private final String serviceName;

    public FollowUpOpener(FollowUpStore store, FollowUpEvents events, TargetOwners owners, Clock clock, String serviceName) {
        this.store = store;
        this.events = events;
        this.owners = owners;
        this.clock = clock;
        this.serviceName = serviceName;
    }

    /** The id of the {@code index}th follow-up of the verdict {@code verdictEventId}: the same on every delivery. */
    public static UUID idOf(UUID verdictEventId, int index) {
        return UUID.nameUUIDFromBytes(("follow-up|" + verdictEventId + "|" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens those of the verdict's follow-ups not opened yet (NONE is no action and opens nothing); returns those published now. */
    public synchronized List<FollowUpOpened> open(VerdictIssued verdict) {
        List<FollowUp> followUps = verdict.getFollowUps();
        List<String> assignees = owners.owners(verdict.getEnvironment(), verdict.getService());
        String assignee = assignees.isEmpty() ? null : assignees.get(0);
        List<FollowUpOpened> published = new ArrayList<>();
        for (int i = 0; i < followUps.size(); i++) {
            if (followUps.get(i).getKind() == FollowUpKind.NONE) {
                continue;
            }
            UUID id = idOf(verdict.getHeader().getEventId(), i);
            Optional<QueuedFollowUp> existing = store.find(id);
            if (existing.isPresent()) {
                if (!existing.get().published()) {
                    publish(existing.get().opened(), published);
                }
                continue;
            }
            FollowUpOpened opened = opened(verdict, i, id, assignee);
            if (store.claim(opened)) {
                publish(opened, published);
            }
        }
        return published;
    }

    private void publish(FollowUpOpened opened, List<FollowUpOpened> published) {
        events.opened(opened);
        store.markPublished(opened.getFollowUpId());
        published.add(opened);
        LOG.info("follow-up {} ({}) opened for experiment {}, assigned to {}", opened.getFollowUpId(), opened.getKind(),
                opened.getHeader().getExperimentId(), opened.getAssignee());
    }

    private FollowUpOpened opened(VerdictIssued verdict, int index, UUID id, String assignee) {
        FollowUp followUp = verdict.getFollowUps().get(index);
        return FollowUpOpened.newBuilder()
                .setHeader(EventHeaders.answering(verdict.getHeader(), Actors.service(serviceName), clock))
                .setFollowUpId(id).setIndex(index).setInjectionId(verdict.getInjectionId())
                .setPredictionId(followUp.getPredictionId())
                .setKind(followUp.getKind()).setDescription(followUp.getDescription()).setService(verdict.getService())
                .setFaultType(verdict.getFaultType()).setEnvironment(verdict.getEnvironment()).setAssignee(assignee)
                .build();
    }
}
