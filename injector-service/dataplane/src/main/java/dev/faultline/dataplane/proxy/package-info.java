/**
 * The L4 (TCP) proxies on Netty: one listener per proxied dependency, one pair of channels
 * per connection, one chain of toxic stages per direction, with back-pressure.
 */
package dev.faultline.dataplane.proxy;
