package dev.faultline.dataplane.proxy;

/** A proxy as a client describes it (create, populate, config file): name, listen, upstream, enabled. */
public record ProxyDefinition(String name, String listen, String upstream, boolean enabled) {
}
