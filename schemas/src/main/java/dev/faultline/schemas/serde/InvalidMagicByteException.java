package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The value does not start with the Confluent wire format's magic byte 0: it was not written by an Avro serde of this format. */
public class InvalidMagicByteException extends SerializationException {

    public InvalidMagicByteException(String message) {
        super(message);
    }

    public InvalidMagicByteException(String message, Throwable cause) {
        super(message, cause);
    }
}
