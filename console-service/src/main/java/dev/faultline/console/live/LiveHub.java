package dev.faultline.console.live;

import dev.faultline.console.ConsoleSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the console knows of the runs it shows live, and who is watching. A run's events are kept from the topics'
 * lookback on (at most {@code max-samples-per-experiment} samples, the oldest batches dropped first) until
 * {@code keep-finished} after it ended, or {@code lookback} after its last event if its end was never seen. A watcher
 * of one experiment first gets everything kept of it, then each new event as it is read, in topic order, under the
 * same lock, so none is missed or sent twice; a watcher of all experiments gets each new event but evidence (the
 * experiments page follows status, not samples). Listeners are called under the lock and must not block; one may close
 * its own watch as it is called.
 */
@Singleton
public final class LiveHub {

    private final Object lock = new Object();
    private final Map<String, Run> runs = new HashMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private final int maxSamples;
    private final Duration keepFinished;
    private final Duration keepIdle;
    private final Clock clock;

    public LiveHub(ConsoleSettings settings, Clock clock) {
        this.maxSamples = settings.maxSamplesPerExperiment();
        this.keepFinished = settings.keepFinished();
        this.keepIdle = settings.lookback();
        this.clock = clock;
    }

    /** A watcher, until it is closed. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private record Watcher(@Nullable String experimentId, Consumer<LiveEvent> listener) {
        boolean wants(LiveEvent event) {
            return experimentId == null ? !LiveEvent.EVIDENCE.equals(event.type())
                    : experimentId.equals(event.experimentId());
        }
    }

    /** An event read off the topics: kept, and sent to whoever watches it. */
    public void publish(LiveEvent event) {
        synchronized (lock) {
            Instant now = clock.instant();
            if (event.experimentId() != null) {
                runs.computeIfAbsent(event.experimentId(), id -> new Run()).add(event, now, maxSamples);
            }
            runs.values().removeIf(run -> run.expired(now, keepFinished, keepIdle));
            // a listener may close its own watch as it is called (a browser gone: the stream's sink disposed on
            // the spot), which removes it from the list being walked: walk a copy, skipping who left meanwhile
            for (Watcher watcher : List.copyOf(watchers)) {
                if (watcher.wants(event) && watchers.contains(watcher)) {
                    watcher.listener().accept(event);
                }
            }
        }
    }

    /** Watches one experiment (everything kept of it first) or, with a null id, every experiment's status. */
    public Watch watch(@Nullable String experimentId, Consumer<LiveEvent> listener) {
        Watcher watcher = new Watcher(experimentId, listener);
        synchronized (lock) {
            if (experimentId != null && runs.containsKey(experimentId)) {
                runs.get(experimentId).events.forEach(listener);
            }
            watchers.add(watcher);
        }
        return () -> {
            synchronized (lock) {
                watchers.remove(watcher);
            }
        };
    }

    /** Everything kept of one experiment, oldest first. */
    public List<LiveEvent> kept(String experimentId) {
        synchronized (lock) {
            Run run = runs.get(experimentId);
            return run == null ? List.of() : List.copyOf(run.events);
        }
    }

    private static final class Run {
        private final Deque<LiveEvent> events = new ArrayDeque<>();
        private int samples;
        private Instant lastEvent;
        private Instant endedAt;

        void add(LiveEvent event, Instant now, int maxSamples) {
            events.addLast(event);
            samples += event.samples().size();
            lastEvent = now;
            if (event.ends()) {
                endedAt = now;
            }
            while (samples > maxSamples) {
                LiveEvent oldest = events.stream().filter(e -> !e.samples().isEmpty()).findFirst().orElseThrow();
                events.remove(oldest);
                samples -= oldest.samples().size();
            }
        }

        boolean expired(Instant now, Duration keepFinished, Duration keepIdle) {
            return endedAt != null ? endedAt.plus(keepFinished).isBefore(now) : lastEvent.plus(keepIdle).isBefore(now);
        }
    }
}
