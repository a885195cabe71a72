package dev.faultline.kit.events;

/** An event that is readable but can never be processed; the message is the reason recorded in the dead letter. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
