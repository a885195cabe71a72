package dev.faultline.injector.fault;

/** A FaultSpec this injector cannot apply (type, target or parameters); the message says why. Nothing is injected. */
public class UnsupportedFaultException extends RuntimeException {

    public UnsupportedFaultException(String reason) {
        super(reason);
    }
}
