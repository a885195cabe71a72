package dev.faultline.injector.fault;

import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetHost;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Faultline controls around one service in one environment: its dependencies' routes (L4 and L7 proxies on
 * the data plane, Kafka topics) and its hosts, as its targets file declares them; a dependency's proxies fall back
 * to the injector's configured ones ({@code faultline.injector.proxies} / {@code http-proxies}). The routes of the
 * other services declared in the same environment are reachable through {@link #service(String)}: a process fault
 * on a dependency acts on the hosts that the dependency's own declaration names.
 */
public final class Route {

    private final String service;
    private final TargetDeclared declared;
    private final Function<String, Optional<String>> configuredL4;
    private final Function<String, Optional<String>> configuredL7;
    private final Function<String, Optional<Route>> others;

    /** @param declared the service's declaration, or null when none was read */
    public Route(String service, TargetDeclared declared, Function<String, Optional<String>> configuredL4,
                 Function<String, Optional<String>> configuredL7) {
        this(service, declared, configuredL4, configuredL7, name -> Optional.empty());
    }

    /** @param others the route of another service declared in the same environment, empty when none is */
    public Route(String service, TargetDeclared declared, Function<String, Optional<String>> configuredL4,
                 Function<String, Optional<String>> configuredL7, Function<String, Optional<Route>> others) {
        this.service = service;
        this.declared = declared;
        this.configuredL4 = configuredL4;
        this.configuredL7 = configuredL7;
        this.others = others;
    }

    public String service() {
        return service;
    }

    /** The dependency {@code name} as declared. */
    public Optional<TargetDependency> dependency(String name) {
        if (declared == null || name == null) {
            return Optional.empty();
        }
        return declared.getDependencies().stream().filter(d -> d.getName().equals(name)).findFirst();
    }

    /** The L4 proxy to {@code dependency}. */
    public Optional<String> l4Proxy(String dependency) {
        return declaredOr(dependency, TargetDependency::getProxy, configuredL4);
    }

    /** The L7 (HTTP) proxy to {@code dependency}. */
    public Optional<String> httpProxy(String dependency) {
        return declaredOr(dependency, TargetDependency::getHttpProxy, configuredL7);
    }

    /** The route of {@code name} (e.g. a dependency) when a targets file declares it in the same environment. */
    public Optional<Route> service(String name) {
        return name == null || name.equals(service) ? Optional.empty() : others.apply(name);
    }

    /** The hosts the service runs on, with their agents. */
    public List<TargetHost> hosts() {
        return declared == null ? List.of() : declared.getHosts();
    }

    private Optional<String> declaredOr(String dependency, Function<TargetDependency, String> field,
                                        Function<String, Optional<String>> configured) {
        if (dependency == null) {
            return Optional.empty();
        }
        return dependency(dependency).map(field).filter(Objects::nonNull).or(() -> configured.apply(dependency));
    }
}
