package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.api.ApiException;
import java.net.InetSocketAddress;

/** A {@code host:port} address as Toxiproxy writes it ({@code [::1]:8080} for IPv6, {@code :8080} for all interfaces). */
public record Address(String host, int port) {

    public static Address parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing required field: " + field + " (host:port)");
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw ApiException.badRequest(field + " must be host:port, was '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be host:port with a numeric port, was '" + value + "'");
        }
        if (port < 0 || port > 65535) {
            throw ApiException.badRequest(field + " port must be 0..65535, was " + port);
        }
        return new Address(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    InetSocketAddress unresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
