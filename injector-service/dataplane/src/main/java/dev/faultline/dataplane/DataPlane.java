package dev.faultline.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.ApiRequest;
import dev.faultline.dataplane.api.ApiResponse;
import dev.faultline.dataplane.api.ApiRoutes;
import dev.faultline.dataplane.api.Json;
import dev.faultline.dataplane.api.ManagementServer;
import dev.faultline.dataplane.http.HttpActionTypes;
import dev.faultline.dataplane.http.HttpFaultRoutes;
import dev.faultline.dataplane.http.HttpProxyRegistry;
import dev.faultline.dataplane.lease.LeaseRegistry;
import dev.faultline.dataplane.lease.LeaseRoutes;
import dev.faultline.dataplane.proxy.ProxyRegistry;
import dev.faultline.dataplane.proxy.Transport;
import dev.faultline.dataplane.toxic.ToxicTypes;
import dev.faultline.dataplane.toxiproxy.ToxiproxyRoutes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the fault data plane: one Netty event-loop group, the lease registry
 * shared by every fault (L4 toxics, L7 rules), the L4 proxy registry and the management HTTP
 * server that dispatches to a list of {@link ApiRoutes}. Runs inside injector-service or alone
 * ({@link DataPlaneMain}); {@link #close()} removes every fault and stops every listener.
 */
public final class DataPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

    private final DataPlaneConfig config;
    private final Transport transport;
    private final LeaseRegistry leases;
    private final ProxyRegistry proxies;
    private final ManagementServer management;
    private final ToxiproxyRoutes toxiproxy;
    private final HttpProxyRegistry httpProxies; // L7 (dataplane-l7)

    private DataPlane(DataPlaneConfig config) {
        this.config = config;
        this.transport = new Transport(config.eventLoops(), config.spin());
        this.leases = new LeaseRegistry(config.clock(), config.reapInterval());
        this.proxies = new ProxyRegistry(transport, leases, ToxicTypes.builtIn(), config);
        this.toxiproxy = new ToxiproxyRoutes(proxies);
        // L7 (dataplane-l7): the HTTP fault proxies share the event loops, the leases and the random source
        this.httpProxies = new HttpProxyRegistry(transport, leases, HttpActionTypes.builtIn(), config.defaultLease(), config.random());
        this.management = new ManagementServer(transport, routes());
    }

    /** Starts the event loops and the management API; fails (and releases everything) if the port is taken. */
    public static DataPlane start(DataPlaneConfig config) {
        DataPlane plane = new DataPlane(config);
        try {
            plane.management.start(config.host(), config.port());
        } catch (RuntimeException e) {
            plane.close();
            throw e;
        }
        LOG.info("fault data plane listening on {}", plane.managementAddress());
        return plane;
    }

    private List<ApiRoutes> routes() {
        List<ApiRoutes> routes = new ArrayList<>();
        routes.add(new LeaseRoutes(leases));
        // ---- L7 routes (dataplane-l7), before the Toxiproxy routes: /http-proxies/..., and on
        // POST /reset they remove every L7 rule, then let the request through to the Toxiproxy reset.
        routes.add(new HttpFaultRoutes(httpProxies));
        // ---- end of L7 routes
        routes.add(toxiproxy);
        return routes;
    }

    /**
     * Creates the proxies of a config file exactly as the API would: a Toxiproxy config file (a JSON array of
     * {@code {name, listen, upstream, enabled}}, as {@code POST /populate}), or an object
     * {@code {"proxies": [...], "http_proxies": [{name, listen, upstream}, ...]}} whose {@code http_proxies} are the L7
     * HTTP fault proxies (each as {@code POST /http-proxies}). An L4 proxy's upstream may be an L7 proxy's listen
     * address, which chains the two on one route.
     *
     * @throws ApiException when an entry is invalid or its port is taken
     */
    public void populate(byte[] json) {
        JsonNode config = Json.parse(json);
        if (config.isObject()) {
            List<String> unknown = new ArrayList<>();
            config.fieldNames().forEachRemaining(field -> {
                if (!field.equals("proxies") && !field.equals("http_proxies")) {
                    unknown.add(field);
                }
            });
            if (!unknown.isEmpty() || config.isEmpty()) {
                throw ApiException.badRequest("a config file is a JSON array of proxies, or an object with \"proxies\""
                        + " and/or \"http_proxies\"; unknown: " + unknown);
            }
        }
        if (!config.isObject() || config.has("proxies")) {
            expectOk(toxiproxy.handle(new ApiRequest("POST", "/populate", Map.of(), json)).orElseThrow());
        }
        JsonNode http = config.path("http_proxies");
        if (http.isMissingNode() || http.isNull()) {
            return;
        }
        if (!http.isArray()) {
            throw ApiException.badRequest("http_proxies must be a JSON array of {name, listen, upstream}, was " + http);
        }
        HttpFaultRoutes l7 = new HttpFaultRoutes(httpProxies);
        for (JsonNode proxy : http) {
            expectOk(l7.handle(new ApiRequest("POST", "/http-proxies", Map.of(), Json.bytes(proxy))).orElseThrow());
        }
    }

    private static void expectOk(ApiResponse answer) {
        if (answer.status() >= 300) {
            throw new ApiException(answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    public DataPlaneConfig config() {
        return config;
    }

    public Transport transport() {
        return transport;
    }

    public LeaseRegistry leases() {
        return leases;
    }

    public ProxyRegistry proxies() {
        return proxies;
    }

    /** The L7 HTTP fault proxies (dataplane-l7). */
    public HttpProxyRegistry httpProxies() {
        return httpProxies;
    }

    public InetSocketAddress managementAddress() {
        return management.address();
    }

    /** Removes every fault, closes every proxy and the management API, then stops the event loops. */
    @Override
    public void close() {
        management.close();
        httpProxies.close(); // L7 (dataplane-l7)
        proxies.close();
        leases.close();
        transport.close();
        LOG.info("fault data plane stopped");
    }
}
