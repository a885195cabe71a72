package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The Avro body cannot be decoded with the writer schema its id names (e.g. an invalid union or enum index, a negative length). */
public class MalformedPayloadException extends SerializationException {

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
