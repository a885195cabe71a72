package dev.faultline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The value ends before its wire-format header or its Avro body is complete. */
public class TruncatedPayloadException extends SerializationException {

    public TruncatedPayloadException(String message) {
        super(message);
    }

    public TruncatedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
