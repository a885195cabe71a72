package dev.faultline.demo.storefront;

import dev.faultline.demo.pricing.Price;

/** The storefront's port to the pricing service. */
public interface PricingClient {

    /** The live price of {@code productId}; blocks at most the client's timeout. */
    Price fetch(String productId) throws PricingUnavailableException;
}
