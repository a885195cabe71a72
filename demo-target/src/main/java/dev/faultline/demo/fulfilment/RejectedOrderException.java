package dev.faultline.demo.fulfilment;

/** An order fulfilment will never carry out, however often it is tried (an unknown product, a bad quantity). */
public class RejectedOrderException extends RuntimeException {

    public RejectedOrderException(String message) {
        super(message);
    }
}
