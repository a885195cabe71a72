package dev.faultline.injector.bench;

import static org.awaitility.Awaitility.await;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultContext;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.MalformedRecordKind;
import dev.faultline.injector.fault.Route;
import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * MALFORMED_RECORD in {@link RemovalBench}: the injector's record writer on a one-partition topic of a real Kafka
 * (given to the bench: {@code ./faultline devstack}'s, for one). One observation is a 100 ms window of the topic's end
 * offset: affected when records were added in it. Removal is the writer's stop and its verification (the topic read
 * from the last record written: nothing of the injection after it).
 */
final class KafkaRecordsCase implements RemovalCase {

    private static final long WINDOW_MILLIS = 100;

    private final Admin admin;
    private final String topic = "bench.records-" + UUID.randomUUID().toString().substring(0, 8);
    private final FaultKinds kinds;
    private long lastEnd = -1;

    KafkaRecordsCase(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.kinds = new FaultKinds(List.of(new MalformedRecordKind(KafkaCluster.unauthenticated(bootstrap))));
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic + " on " + bootstrap, e);
        }
    }

    @Override
    public String name() {
        return "Kafka records: MALFORMED_RECORD";
    }

    @Override
    public String configured() {
        return "20 bad records/s (garbage, other-schema, oversized, null-key) onto a 1-partition topic";
    }

    @Override
    public Fault plan(String namePrefix, Lease lease) {
        FaultSpec spec = FaultSpec.newBuilder().setFaultType(FaultType.MALFORMED_RECORD)
                .setTarget(FaultTarget.newBuilder().setKind(TargetKind.TOPIC).setService("bench").setDependency(null)
                        .setHost(null).setPath(null).setTopic(topic).build())
                .setDirection(FaultDirection.BOTH).setToxicity(1.0).setDurationMillis(60_000)
                .setParameters(Map.of("ratePerSecond", "20", "kinds", "garbage,other-schema,oversized,null-key")).build();
        Route route = new Route("bench", null, d -> Optional.empty(), d -> Optional.empty());
        return kinds.plan(spec, new FaultContext(route, namePrefix, lease, Fixtures.claims("bench-" + namePrefix)));
    }

    @Override
    public Observation observe() {
        long windowEnd = System.nanoTime() + Duration.ofMillis(WINDOW_MILLIS).toNanos();
        // one observation is a window of the topic's traffic: its end is what is waited for
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                .until(() -> System.nanoTime() >= windowEnd);
        long end = endOffset();
        boolean affected = lastEnd >= 0 && end > lastEnd;
        lastEnd = end;
        return new Observation(affected, WINDOW_MILLIS);
    }

    /** The windows after the removal count from the topic's end once it is verified. */
    @Override
    public void removed() {
        lastEnd = endOffset();
    }

    @Override
    public int observationsPerTrial() {
        return 10;
    }

    @Override
    public String effect(List<Observation> during, List<Observation> after) {
        long written = during.stream().filter(Observation::affected).count();
        long late = after.stream().filter(Observation::affected).count();
        return String.format(Locale.ROOT, "records added in %d of %d 100 ms windows; %d of %d windows after removal",
                written, during.size(), late, after.size());
    }

    @Override
    public void close() {
        admin.close();
    }

    private long endOffset() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end of " + topic, e);
        }
    }
}
