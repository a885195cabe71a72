package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The value's writer schema is not a record this deserializer can return (another type than the typed serde's class, or no generated class for it). */
public class UnexpectedRecordTypeException extends SerializationException {

    public UnexpectedRecordTypeException(String message) {
        super(message);
    }

    public UnexpectedRecordTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
