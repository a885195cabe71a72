package dev.faultline.analysis.followup;

import dev.faultline.kit.KafkaSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the follow-up queue's plain domain classes to their Cassandra and Kafka adapters. */
@Factory
class FollowUpBeans {

    @Singleton
    FollowUpOpener opener(FollowUpStore store, FollowUpEvents events, TargetOwners owners, Clock clock,
                          KafkaSettings kafka) {
        return new FollowUpOpener(store, events, owners, clock, kafka.serviceName());
    }

    @Singleton
    FollowUpTriage triage(FollowUpStore store, FollowUpEvents events, Clock clock) {
        return new FollowUpTriage(store, events, clock);
    }
}
