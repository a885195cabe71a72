package dev.faultline.devstack.registry;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Soft and permanent deletion of subjects and versions with Confluent's rules: a permanent
 * delete needs a soft delete first, a soft-deleted subject or version cannot be soft-deleted
 * again, and a version that live schemas reference cannot be deleted.
 */
final class SchemaDeletions {

    private final RegistryState state;
    private final RegistryLog log;
    private final ReentrantLock writeLock;

    SchemaDeletions(RegistryState state, RegistryLog log, ReentrantLock writeLock) {
        this.state = state;
        this.log = log;
        this.writeLock = writeLock;
    }

    /** DELETE /subjects/{subject}: answers the versions deleted. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writeLock.lock();
        try {
            List<RegisteredSchema> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            boolean anyLive = all.stream().anyMatch(v -> !v.deleted());
            if (!permanent && !anyLive) {
                throw RegistryErrors.subjectSoftDeleted(subject);
            }
            if (permanent && anyLive) {
                throw RegistryErrors.subjectNotSoftDeleted(subject);
            }
            List<RegisteredSchema> targets = permanent ? all : all.stream().filter(v -> !v.deleted()).toList();
            for (RegisteredSchema version : targets) {
                checkNotReferenced(version);
            }
            for (RegisteredSchema version : targets) {
                if (permanent) {
                    log.deleteSchemaPermanently(subject, version.version());
                } else {
                    log.putSchema(version.softDeleted());
                }
            }
            if (!permanent && state.subjectLevel(subject).isPresent()) {
                log.putConfig(subject, null);
            }
            return targets.stream().map(RegisteredSchema::version).toList();
        } finally {
            writeLock.unlock();
        }
    }

    /** DELETE /subjects/{subject}/versions/{version}: answers the version deleted. */
    int deleteVersion(String subject, String versionText, boolean permanent) {
        VersionId versionId = VersionId.parse(versionText);
        writeLock.lock();
        try {
            RegisteredSchema version = state.version(subject, versionId.value(), permanent).orElse(null);
            if (version == null && !permanent && !versionId.isLatest()
                    && state.version(subject, versionId.value(), true).isPresent()) {
                throw RegistryErrors.versionSoftDeleted(subject, versionId.value());
            }
            if (version == null) {
                throw state.hasSubject(subject, true)
                        ? RegistryErrors.versionNotFound(versionId.value()) : RegistryErrors.subjectNotFound(subject);
            }
            if (permanent && !version.deleted()) {
                throw RegistryErrors.versionNotSoftDeleted(subject, version.version());
            }
            checkNotReferenced(version);
            if (permanent) {
                log.deleteSchemaPermanently(subject, version.version());
            } else {
                log.putSchema(version.softDeleted());
            }
            return version.version();
        } finally {
            writeLock.unlock();
        }
    }

    private void checkNotReferenced(RegisteredSchema version) {
        if (!state.referencedBy(version.subject(), version.version()).isEmpty()) {
            throw RegistryErrors.referenceExists(version.subject(), version.version());
        }
    }
}
