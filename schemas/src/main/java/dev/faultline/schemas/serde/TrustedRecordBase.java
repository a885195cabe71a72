package dev.faultline.schemas.serde;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * The superclass of every generated record ({@code recordSpecificClass} of the avro-maven-plugin). Java initialises
 * it before any generated class is used — a builder, {@code fromByteBuffer}, a copy — so Avro already trusts the
 * generated package by then ({@link AvroTrust}), with no JVM flag.
 */
public abstract class TrustedRecordBase extends SpecificRecordBase {

    static {
        AvroTrust.trustGeneratedClasses();
    }
}
