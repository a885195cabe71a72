package dev.faultline.injector.fault;

/** A fault's place refused or failed a request (create, renew, remove, rehearse); the message says what and why. */
public class FaultException extends RuntimeException {

    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
