package dev.faultline.devstack.registry;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Global and per-subject compatibility configuration, kept in the registry's log. */
final class RegistryConfigs {

    private final RegistryState state;
    private final RegistryLog log;
    private final ReentrantLock writeLock;

    RegistryConfigs(RegistryState state, RegistryLog log, ReentrantLock writeLock) {
        this.state = state;
        this.log = log;
        this.writeLock = writeLock;
    }

    CompatibilityLevel global() {
        return state.globalLevel();
    }

    /** GET /config/{subject}: 40408 unless configured or {@code defaultToGlobal}. */
    CompatibilityLevel subject(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
                .orElseThrow(() -> RegistryErrors.compatibilityNotConfigured(subject));
    }

    /** Sets the level of a subject, or the global level when {@code subject} is null. */
    CompatibilityLevel set(String subject, String levelName) {
        CompatibilityLevel level = CompatibilityLevel.forName(levelName)
                .orElseThrow(RegistryErrors::invalidCompatibilityLevel);
        write(subject, level);
        return level;
    }

    /** DELETE /config: back to the default level; answers the previous one. */
    CompatibilityLevel resetGlobal() {
        CompatibilityLevel previous = state.globalLevel();
        write(null, null);
        return previous;
    }

    /** DELETE /config/{subject}: 40401 when the subject has no level; answers the previous one. */
    CompatibilityLevel deleteSubject(String subject) {
        CompatibilityLevel previous = state.subjectLevel(subject)
                .orElseThrow(() -> RegistryErrors.subjectNotFound(subject));
        write(subject, null);
        return previous;
    }

    private void write(String subject, CompatibilityLevel level) {
        writeLock.lock();
        try {
            log.putConfig(subject, level);
        } finally {
            writeLock.unlock();
        }
    }
}
