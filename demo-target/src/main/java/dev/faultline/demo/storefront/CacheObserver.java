package dev.faultline.demo.storefront;

/** Told about every cache decision, so the metrics adapter can count them without the cache knowing metrics. */
public interface CacheObserver {

    CacheObserver NONE = source -> { };

    void looked(PriceLookup.Source source);
}
