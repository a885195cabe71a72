package dev.faultline.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Makes sure Avro 1.12 may instantiate Faultline's generated classes even when the JVM was started without
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.faultline.schemas.avro}: the package is added to (never
 * replaces) whatever the application already trusts.
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
