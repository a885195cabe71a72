package dev.faultline.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.http.ServiceClient;
import java.util.List;
import java.util.Map;

/** The few data plane calls the local stack and the end-to-end tests make (Toxiproxy's API and the L7 routes). */
public final class DataPlaneAdmin {

    private final ServiceClient api;

    public DataPlaneAdmin(String baseUrl) {
        this.api = new ServiceClient("data plane", baseUrl);
    }

    /** Creates (or keeps, when identical) the L4 proxy {@code name} listening on {@code listen} towards {@code upstream}. */
    public void ensureProxy(String name, String listen, String upstream) {
        api.post("/populate", List.of(Map.of("name", name, "listen", listen, "upstream", upstream, "enabled", true)));
    }

    /** Creates (or keeps, when identical) the L7 HTTP fault proxy {@code name} on {@code listen} towards {@code upstream}. */
    public void ensureHttpProxy(String name, String listen, String upstream) {
        try {
            api.post("/http-proxies", Map.of("name", name, "listen", listen, "upstream", upstream));
        } catch (ServiceCallException e) {
            if (e.status() != 409) {
                throw e;
            }
            JsonNode existing = api.get("/http-proxies/" + name);
            if (!listen.equals(existing.path("listen").asText()) || !upstream.equals(existing.path("upstream").asText())) {
                throw e;
            }
        }
    }

    /** The toxics (active faults) on a proxy. */
    public JsonNode toxics(String proxy) {
        return api.get("/proxies/" + proxy + "/toxics");
    }

    /** The rules (active faults) on an L7 proxy, each with its {@code stats: {matched, applied}}. */
    public JsonNode rules(String httpProxy) {
        return api.get("/http-proxies/" + httpProxy + "/rules");
    }
}
