package dev.faultline.injector.fault;

/** The data plane refused a request or could not be reached; the message carries its answer. */
public class DataPlaneException extends FaultException {

    public DataPlaneException(String message) {
        super(message);
    }

    public DataPlaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
