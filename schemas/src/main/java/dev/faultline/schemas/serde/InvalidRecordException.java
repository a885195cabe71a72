package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The serializer was given a record its own schema cannot write (e.g. a required field left null). */
public class InvalidRecordException extends SerializationException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
