package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes are left over after the Avro body was fully read: the value is not what its schema id says. */
public class TrailingBytesException extends SerializationException {

    public TrailingBytesException(String message) {
        super(message);
    }

    public TrailingBytesException(String message, Throwable cause) {
        super(message, cause);
    }
}
