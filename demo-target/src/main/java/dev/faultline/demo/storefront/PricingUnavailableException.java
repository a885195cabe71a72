package dev.faultline.demo.storefront;

/** Pricing did not give a price: timed out, refused the connection, or answered an error. */
public class PricingUnavailableException extends Exception {

    private final String kind;

    /** {@code kind} is a short metric label: {@code timeout}, {@code connect}, {@code status}, {@code body}. */
    public PricingUnavailableException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
