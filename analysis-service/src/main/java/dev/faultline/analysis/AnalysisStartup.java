package dev.faultline.analysis;

import dev.faultline.analysis.evidence.EndOffsets;
import dev.faultline.analysis.evidence.EvidenceIntake;
import dev.faultline.analysis.evidence.TrackedIntake;
import dev.faultline.analysis.verdict.VerdictCatchUp;
import dev.faultline.analysis.watchdog.LostInjectorWatchdog;
import dev.faultline.analysis.watchdog.StartupBacklog;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventLoops;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import java.util.List;

/**
 * Starts the service in order: learn the verdicts already issued (so none is issued twice), then the event loop over
 * hypotheses, injections and evidence, then the lost-injector watchdog, which waits until the loop has handled the
 * backlog present at start-up.
 */
@Context
@Requires(property = "faultline.analysis.enabled", notEquals = "false")
public class AnalysisStartup {

    private final VerdictCatchUp catchUp;
    private final EventLoops loops;
    private final EvidenceIntake intake;
    private final LostInjectorWatchdog watchdog;
    private final KafkaSettings settings;
    private final String groupId;

    public AnalysisStartup(VerdictCatchUp catchUp, EventLoops loops, EvidenceIntake intake, LostInjectorWatchdog watchdog,
                           KafkaSettings settings, @Value("${faultline.analysis.group-id:analysis-service}") String groupId) {
        this.catchUp = catchUp;
        this.loops = loops;
        this.intake = intake;
        this.watchdog = watchdog;
        this.settings = settings;
        this.groupId = groupId;
    }

    @PostConstruct
    void start() {
        catchUp.run();
        List<Topic> inputs = List.of(Topics.HYPOTHESES, Topics.INJECTIONS, Topics.EVIDENCE);
        StartupBacklog backlog = new StartupBacklog(EndOffsets.of(settings, inputs));
        loops.start(groupId, inputs, new TrackedIntake(intake, backlog));
        watchdog.start(backlog);
    }
}
