package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.Topic;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts a service's {@link EventLoop}s and stops them all when the application context closes. */
@Singleton
public class EventLoops implements AutoCloseable {

    private final KafkaSettings settings;
    private final DeadLetters deadLetters;
    private final List<EventLoop> loops = new CopyOnWriteArrayList<>();

    public EventLoops(KafkaSettings settings, DeadLetters deadLetters, TopicBootstrap topics) {
        this.settings = settings;
        this.deadLetters = deadLetters;
        topics.ensureCreated();
    }

    /**
     * Starts a loop in consumer group {@code groupId} over {@code topics}. A group id that is new reads the topics
     * from offset zero, so a service rebuilds its state from the whole history.
     */
    public EventLoop start(String groupId, List<Topic> topics, EventHandler handler) {
        EventLoop loop = new EventLoop(groupId, topics, handler, deadLetters, settings.clientProperties());
        loops.add(loop);
        loop.start();
        return loop;
    }

    @PreDestroy
    @Override
    public void close() {
        loops.forEach(EventLoop::close);
        loops.clear();
    }
}
