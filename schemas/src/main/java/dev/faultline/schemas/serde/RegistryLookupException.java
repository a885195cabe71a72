package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The schema registry could not give the serde what it needed: an id for a schema, or a schema for an id. The cause is the registry's answer. */
public class RegistryLookupException extends SerializationException {

    public RegistryLookupException(String message) {
        super(message);
    }

    public RegistryLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
