package dev.faultline.demo.shipping;

/** The carrier gave no rate: timed out, refused the connection, or answered an error. */
public class CarrierUnavailableException extends Exception {

    private final String kind;

    /** {@code kind} is a short metric label: {@code timeout}, {@code connect}, {@code io}, {@code status}, {@code body}. */
    public CarrierUnavailableException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
