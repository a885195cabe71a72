package dev.faultline.catalog.streams;

import dev.faultline.catalog.behaviour.Staleness;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The catalog topology under {@link TopologyTestDriver}, with an in-memory registry and a fixed clock; no spans
 * unless it is given an {@link EventTracing}.
 */
public final class CatalogDriver implements AutoCloseable, StoreAccess {

    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** The topology's staleness period and how often it judges entries again, under this driver. */
    public static final Duration STALE_AFTER = Duration.ofDays(30);
    public static final Duration STALE_CHECK_EVERY = Duration.ofSeconds(10);

    private final TopologyTestDriver driver;
    private final CatalogSerdes serdes;
    private final List<KnownBehaviourUpdated> reported = new CopyOnWriteArrayList<>();

    public CatalogDriver() {
        this(EventTracing.disabled());
    }

    public CatalogDriver(EventTracing tracing) {
        this(tracing, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The topology judging staleness at {@code clock}'s time. */
    public CatalogDriver(EventTracing tracing, Clock clock) {
        serdes = new CatalogSerdes(new InMemoryRegistry(), Map.of("schema.registry.url", "http://registry.invalid"),
                ObjectMapper.getDefault());
        CatalogTopology topology = new CatalogTopology(serdes, clock, reported::add, tracing, new Staleness(STALE_AFTER),
                STALE_CHECK_EVERY);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "catalog-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        StreamsBuilder builder = new StreamsBuilder();
        topology.build(builder);
        driver = new TopologyTestDriver(builder.build(), props);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("catalog-ttd-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestInputTopic<String, VerdictIssued> verdicts() {
        return driver.createInputTopic(Topics.VERDICTS.name(), new StringSerializer(), serdes.verdicts().serializer());
    }

    /** Input for any experiment topic but verdicts. */
    public TestInputTopic<String, SpecificRecord> events(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), serdes.anyEvent().serializer());
    }

    public TestInputTopic<String, CalendarEntryPublished> calendar() {
        return driver.createInputTopic(Topics.CALENDAR.name(), new StringSerializer(), serdes.calendar().serializer());
    }

    public TestInputTopic<String, TargetDeclared> targets() {
        return driver.createInputTopic(Topics.TARGETS.name(), new StringSerializer(), serdes.targets().serializer());
    }

    public TestInputTopic<String, FailureModeDeclared> failureModes() {
        return driver.createInputTopic(Topics.FAILURE_MODES.name(), new StringSerializer(),
                serdes.failureModes().serializer());
    }

    /** Lets wall-clock time pass (the staleness check runs every {@link #STALE_CHECK_EVERY}). */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    public TestOutputTopic<String, KnownBehaviourUpdated> catalog() {
        return driver.createOutputTopic(Topics.CATALOG.name(), new StringDeserializer(),
                serdes.knownBehaviour().deserializer());
    }

    /** Every entry the topology reported to its {@code CatalogUpdates}, in order. */
    public List<KnownBehaviourUpdated> reportedUpdates() {
        return List.copyOf(reported);
    }

    @Override
    public <V> Optional<ReadOnlyKeyValueStore<String, V>> keyValueStore(String name) {
        return Optional.of(driver.<String, V>getKeyValueStore(name));
    }

    @Override
    public void close() {
        driver.close();
    }
}
