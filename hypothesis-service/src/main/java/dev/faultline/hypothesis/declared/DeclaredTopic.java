package dev.faultline.hypothesis.declared;

import java.util.Map;

/**
 * A compacted topic of declarations that the admin API writes (faultline.targets, faultline.failure-modes): what is
 * declared now, read to the topic's end when asked, so that a change sees every declaration made before it, the
 * previous change's included; and new declarations published by key.
 *
 * @param <T> the declaration event
 */
public interface DeclaredTopic<T> {

    /** The latest declaration of every key (withdrawn and removed ones included). */
    Map<String, T> current();

    /** Publishes {@code declarations} by key, in order; each is durable when this returns. */
    void publish(Map<String, T> declarations);
}
