package dev.faultline.demo.shipping;

import dev.faultline.demo.carrier.Rate;

/** The shipping service's port to the carrier. */
public interface CarrierClient {

    /** The carrier's rate for {@code zone}; blocks at most the client's timeout. */
    Rate rate(String zone) throws CarrierUnavailableException;
}
