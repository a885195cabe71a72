package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;

/** Where follow-up events go (faultline.followups); durable when a method returns. */
public interface FollowUpEvents {

    void opened(FollowUpOpened opened);

    void changed(FollowUpStateChanged changed);
}
