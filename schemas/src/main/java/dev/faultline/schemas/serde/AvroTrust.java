package dev.faultline.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * The one place that lets Avro 1.12 instantiate Faultline's generated classes, which it refuses for untrusted
 * packages: the generated package is added to (never replaces) whatever the application already trusts, so no
 * JVM needs {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}. Called when any generated record class is initialised
 * ({@link TrustedRecordBase}) and when a deserializer is configured (it may meet a record class before anything
 * has touched it).
 */
final class AvroTrust {

    static final String GENERATED_PACKAGE = "dev.faultline.schemas.avro";

    private AvroTrust() {
    }

    static synchronized void trustGeneratedClasses() {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current.isTrusted(dev.faultline.schemas.avro.EventHeader.class)) {
            return;
        }
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                type -> GENERATED_PACKAGE.equals(type.getPackageName())));
    }
}
