package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The follow-up queue, a projection of faultline.followups: what makes opening happen once and changes apply in order. */
public interface FollowUpStore {

    /** Stores a follow-up about to be published (state OPEN) unless it exists; true when it was stored. */
    boolean claim(FollowUpOpened opened);

    void markPublished(UUID followUpId);

    /** Records a follow-up read back from the topic as published. */
    void saveKnown(FollowUpOpened opened);

    /** Applies a change over the one before it ({@code sequence - 1}); false when it is not the next (already applied, or out of turn). */
    boolean apply(FollowUpStateChanged change);

    Optional<QueuedFollowUp> find(UUID followUpId);

    /** Every follow-up in the queue. */
    List<QueuedFollowUp> all();

    /** A follow-up's changes, in order. */
    List<FollowUpStateChanged> history(UUID followUpId);
}
