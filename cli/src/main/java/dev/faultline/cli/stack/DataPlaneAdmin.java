package dev.faultline.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.ServiceClient;
import java.util.List;
import java.util.Map;

/** The few data plane calls the local stack and the end-to-end tests make (Toxiproxy's API). */
public final class DataPlaneAdmin {

    private final ServiceClient api;

    public DataPlaneAdmin(String baseUrl) {
        this.api = new ServiceClient("data plane", baseUrl);
    }

    /** Creates (or keeps, when identical) the L4 proxy {@code name} listening on {@code listen} towards {@code upstream}. */
    public void ensureProxy(String name, String listen, String upstream) {
        api.post("/populate", List.of(Map.of("name", name, "listen", listen, "upstream", upstream, "enabled", true)));
    }

    /** The toxics (active faults) on a proxy. */
    public JsonNode toxics(String proxy) {
        return api.get("/proxies/" + proxy + "/toxics");
    }
}
