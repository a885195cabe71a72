package dev.faultline.hypothesis;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.hypothesis.events.KafkaDeclaredTopic;
import dev.faultline.hypothesis.events.KafkaHypothesisEvents;
import dev.faultline.hypothesis.events.KafkaProposalEvents;
import dev.faultline.hypothesis.experiment.CassandraExperimentStore;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.HypothesisEvents;
import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.failuremode.FailureModeDeclarations;
import dev.faultline.hypothesis.knowledge.Incidents;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.proposal.HypothesisDrafter;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.hypothesis.reverify.FixReverifier;
import dev.faultline.hypothesis.reverify.Reverifier;
import dev.faultline.hypothesis.reverify.ReverifySettings;
import dev.faultline.hypothesis.review.ReviewService;
import dev.faultline.hypothesis.target.TargetDeclarations;
import dev.faultline.hypothesis.target.TargetProperties;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Wires the plain domain classes to their adapters (Kafka, Cassandra) and to the configuration. */
@Factory
public class HypothesisBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Targets targets(List<TargetProperties> targets) {
        return new Targets(targets.stream().map(TargetProperties::toTarget).toList());
    }

    @Singleton
    FailureModeCatalog catalog() {
        return FailureModeCatalog.builtIn();
    }

    @Singleton
    HypothesisLinter linter(HypothesisSettings settings) {
        return new HypothesisLinter(settings.maxDuration().toMillis(), settings.phases());
    }

    @Singleton
    Incidents incidents() {
        return new Incidents();
    }

    @Singleton
    KnownBehaviours knownBehaviours() {
        return new KnownBehaviours();
    }

    @Singleton
    HypothesisDrafter drafter(Targets targets, FailureModeCatalog catalog, HypothesisLinter linter,
                              HypothesisSettings settings, Incidents incidents, KnownBehaviours knownBehaviours,
                              Clock clock) {
        return new HypothesisDrafter(targets, catalog, linter, settings.defaultDuration().toMillis(), incidents,
                knownBehaviours, clock);
    }

    @Singleton
    @CreatesTables
    Experiments experiments(CqlSession session) {
        return new Experiments(new CassandraExperimentStore(session));
    }

    @Singleton
    HypothesisEvents hypothesisEvents(EventPublisher publisher, Clock clock, MeterRegistry meters,
                                      KafkaSettings settings) {
        return new KafkaHypothesisEvents(publisher, settings.serviceName(), clock, meters);
    }

    @Singleton
    ProposalEvents proposalEvents(EventPublisher publisher, Clock clock) {
        return new KafkaProposalEvents(publisher, clock);
    }

    @Singleton
    ProposalIntake intake(HypothesisDrafter drafter, Experiments experiments, HypothesisEvents events) {
        return new ProposalIntake(drafter, experiments, events);
    }

    @Singleton
    Reverifier reverifier(KnownBehaviours knownBehaviours, Experiments experiments, ProposalEvents events,
                          KafkaSettings kafka, ReverifySettings settings) {
        return new Reverifier(knownBehaviours, experiments, events, kafka.serviceName(), settings.window());
    }

    @Singleton
    FixReverifier fixReverifier(Experiments experiments, ProposalEvents events, KafkaSettings kafka,
                                ReverifySettings settings) {
        return new FixReverifier(experiments, events, kafka.serviceName(), settings.window());
    }

    @Singleton
    ReviewService reviews(Experiments experiments, HypothesisEvents events, HypothesisLinter linter) {
        return new ReviewService(experiments, events, linter);
    }

    @Singleton
    TargetDeclarations targetDeclarations(KafkaSettings settings, EventDispatch dispatch, EventPublisher publisher,
                                          Clock clock) {
        return new TargetDeclarations(new KafkaDeclaredTopic<>(Topics.TARGETS, TargetDeclared.class, settings, dispatch,
                publisher), clock);
    }

    @Singleton
    FailureModeDeclarations failureModeDeclarations(KafkaSettings settings, EventDispatch dispatch,
                                                    EventPublisher publisher, Clock clock) {
        return new FailureModeDeclarations(new KafkaDeclaredTopic<>(Topics.FAILURE_MODES, FailureModeDeclared.class,
                settings, dispatch, publisher), clock);
    }
}
