package dev.faultline.agent.api;

/** One API request, already read off the wire: method, path without query, and the raw body (empty when none). */
public record ApiRequest(String method, String path, byte[] body) {

    public ApiRequest {
        body = body == null ? new byte[0] : body;
    }

    /** Path segments without empty parts: {@code /leases/ctl-1/renew} gives {@code [leases, ctl-1, renew]}. */
    public String[] segments() {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
