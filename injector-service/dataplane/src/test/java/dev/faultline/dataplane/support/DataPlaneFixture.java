package dev.faultline.dataplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlane;
import dev.faultline.dataplane.DataPlaneConfig;

/** A real data plane on a free port, driven over its HTTP API; one per test class. */
public final class DataPlaneFixture implements AutoCloseable {

    private final DataPlane plane;
    private final ApiClient api;

    public DataPlaneFixture(DataPlaneConfig config) {
        this.plane = DataPlane.start(config.withPort(0));
        this.api = new ApiClient(plane.managementAddress().getPort());
    }

    public DataPlane plane() {
        return plane;
    }

    public ApiClient api() {
        return api;
    }

    /** Creates a proxy listening on a free loopback port; returns the address it listens on. */
    public String proxy(String name, String upstream) {
        ApiClient.Answer created = api.post("/proxies",
                "{\"name\": \"" + name + "\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + upstream + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("listen").asText();
    }

    /** Adds a toxic to a proxy; fails the test unless the API accepts it. */
    public ApiClient.Answer toxic(String proxy, String json) {
        ApiClient.Answer added = api.post("/proxies/" + proxy + "/toxics", json);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added;
    }

    @Override
    public void close() {
        plane.close();
    }
}
