package dev.faultline.analysis.watchdog;

import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * faultline.evidence is the record of what was captured; the store is a projection of it. When a stopped injection
 * still lacks some of the batches its stop announced after the watchdog's grace — the listener having stored
 * everything that was on its topics by then ({@link IntakeProgress}) — the projection lost them: the reliability
 * suite saw a run wait for good for one batch after a 30 s Cassandra outage. This reads the experiment's partition
 * of the topic again from ten minutes before the injection started ({@link TopicReplay#readKeySince}), stores the
 * missing batches it finds and says so in the log, and names those on the topic neither (then no verdict can be
 * complete, and the run stays open). At most once a minute per injection.
 */
@Singleton
public class EvidenceRefetch implements MissingEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceRefetch.class);
    /** Before the injection's start, where its BEFORE phase's batches are. */
    static final Duration LOOK_BACK = Duration.ofMinutes(10);
    static final Duration AGAIN_AFTER = Duration.ofMinutes(1);

    private final EvidenceRecords records;
    private final KafkaSettings kafka;
    private final EventDispatch dispatch;
    private final Clock clock;
    private final Map<UUID, Instant> lastLook = new ConcurrentHashMap<>();

    public EvidenceRefetch(EvidenceRecords records, KafkaSettings kafka, EventDispatch dispatch, Clock clock) {
        this.records = records;
        this.kafka = kafka;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @Override
    public int restore(String experimentId, UUID injectionId) {
        Instant now = clock.instant();
        Instant last = lastLook.get(injectionId);
        if (last != null && Duration.between(last, now).compareTo(AGAIN_AFTER) < 0) {
            return 0; // looked less than a minute ago: no store reads at every sweep
        }
        Optional<InjectionStopped> stopped = records.stopped(experimentId, injectionId);
        Long announced = stopped.map(InjectionStopped::getEvidenceBatches).orElse(null);
        if (announced == null) {
            lastLook.remove(injectionId);
            return 0; // running, or stopped with batches unknown (LOST): nothing to miss
        }
        Set<Long> stored = records.sequences(experimentId, injectionId);
        Set<Long> missing = LongStream.range(0, announced).filter(s -> !stored.contains(s)).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        if (missing.isEmpty()) {
            lastLook.remove(injectionId);
            return 0;
        }
        lastLook.put(injectionId, now);
        Map<Long, EvidenceCaptured> found = new TreeMap<>();
        long read = TopicReplay.readKeySince(kafka, Topics.Names.EVIDENCE, experimentId,
                stopped.get().getStartedAt().minus(LOOK_BACK), record -> dispatch.decode(record).ifPresent(event -> {
                    if (event instanceof EvidenceCaptured batch && missing.contains(batch.getSequence())
                            && (batch.getInjectionId() == null || injectionId.equals(batch.getInjectionId()))) {
                        found.put(batch.getSequence(), batch);
                    }
                }));
        if (!found.isEmpty()) {
            records.saveBatches(List.copyOf(found.values())).toCompletableFuture().join();
        }
        Set<Long> nowhere = new TreeSet<>(missing);
        nowhere.removeAll(found.keySet());
        LOG.warn("injection {} of {} lacked evidence batches {} of the {} its stop announced: {} found on {} ({} records "
                        + "read) and stored{}", injectionId, experimentId, missing, announced, found.keySet(),
                Topics.Names.EVIDENCE, read, nowhere.isEmpty() ? "" : "; not on the topic either: " + nowhere);
        if (nowhere.isEmpty()) {
            lastLook.remove(injectionId);
        }
        return found.size();
    }
}
