package dev.faultline.analysis;

import dev.faultline.analysis.evidence.EndOffsets;
import dev.faultline.analysis.evidence.EvidenceIntake;
import dev.faultline.analysis.verdict.VerdictCatchUp;
import dev.faultline.analysis.watchdog.CatchUp;
import dev.faultline.analysis.watchdog.LostInjectorWatchdog;
import dev.faultline.analysis.watchdog.StartupBacklog;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineBatchListener;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The listener over hypotheses, clearances (faultline.safety), injections and evidence, whose Cassandra tables are
 * projections of those topics: when
 * this start created the keyspace it replays them from offset zero. It takes a poll at a time ({@link EvidenceIntake}:
 * the poll's evidence written concurrently, each concerned injection's verdict tried once), and its offsets are
 * committed once the whole poll is stored. Before it consumes anything it learns the verdicts already issued (so none
 * is issued twice) and the backlog it has to read; the lost-injector watchdog waits until every record of that
 * backlog has been handled or dead-lettered.
 */
@FaultlineBatchListener(groupId = AnalysisListener.GROUP)
@Requires(property = "faultline.analysis.enabled", notEquals = "false")
public class AnalysisListener extends EventListenerSupport {

    /** {@link AnalysisSettings#groupId()} as a placeholder, which the annotation needs; the same key and default. */
    static final String GROUP = "${faultline.analysis.group-id:analysis-service}";

    private final StartupBacklog backlog;
    private final boolean rebuild;

    public AnalysisListener(EventDispatch dispatch, EvidenceIntake intake, VerdictCatchUp catchUp,
                            LostInjectorWatchdog watchdog, CatchUp catchUpProgress, KafkaSettings kafka,
                            AnalysisSettings settings, KeyspaceState keyspace) {
        super(dispatch, intake);
        this.rebuild = keyspace.created();
        catchUp.run();
        this.backlog = new StartupBacklog(EndOffsets.unread(kafka,
                List.of(Topics.HYPOTHESES, Topics.SAFETY, Topics.INJECTIONS, Topics.EVIDENCE), rebuild ? null : settings.groupId()));
        catchUpProgress.track(backlog);
        watchdog.start(backlog);
    }

    @Override
    protected boolean rebuildsFromStart() {
        return rebuild;
    }

    @Topic({Topics.Names.HYPOTHESES, Topics.Names.SAFETY, Topics.Names.INJECTIONS, Topics.Names.EVIDENCE})
    void receive(ConsumerRecords<String, byte[]> records) {
        dispatchAll(records);
        records.forEach(r -> backlog.handled(r.topic(), r.partition(), r.offset()));
    }

    /** A poll that kept failing is handled record by record, the failing ones dead-lettered: all of it is handled. */
    @Override
    public void handle(KafkaListenerException exception) {
        super.handle(exception);
        exception.getConsumerRecord().ifPresent(r -> backlog.handled(r.topic(), r.partition(), r.offset()));
        exception.getConsumerRecords().ifPresent(poll -> poll.forEach(r -> backlog.handled(r.topic(), r.partition(), r.offset())));
    }
}
