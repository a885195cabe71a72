package dev.faultline.demo.http;

/** The client sent something unusable; answered as 400 with the message. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
