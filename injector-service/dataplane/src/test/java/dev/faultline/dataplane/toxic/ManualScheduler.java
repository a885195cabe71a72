package dev.faultline.dataplane.toxic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Toxic time that only moves when a test says so: tasks run as {@link #advanceMillis} passes their due time. */
final class ManualScheduler implements ToxicScheduler {

    private record Task(long due, long seq, Runnable action, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    void advanceMillis(long millis) {
        advanceNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void advanceNanos(long nanos) {
        long target = now + nanos;
        while (true) {
            Task next = tasks.stream().filter(t -> t.due() <= target)
                    .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due());
            if (!next.cancelled()[0]) {
                next.action().run();
            }
        }
        now = target;
    }

    long pendingTasks() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
