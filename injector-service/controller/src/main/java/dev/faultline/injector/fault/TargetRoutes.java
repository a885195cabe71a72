package dev.faultline.injector.fault;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetHost;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The services Faultline may touch, as faultline.targets declares them (the latest declaration per environment and
 * service), each read as the {@link Route} its faults take; where nothing is declared, the injector's configured
 * proxies stand in ({@code faultline.injector.proxies} and {@code faultline.injector.http-proxies}, by dependency).
 */
@Singleton
public class TargetRoutes {

    private final InjectorSettings settings;
    private final Map<String, TargetDeclared> declared = new ConcurrentHashMap<>();

    public TargetRoutes(InjectorSettings settings) {
        this.settings = settings;
    }

    /** Applies one declaration: the latest per environment and service wins; a removed one is gone. */
    public void declare(TargetDeclared declaration) {
        String key = key(declaration.getEnvironment(), declaration.getService());
        if (declaration.getRemoved()) {
            declared.remove(key);
        } else {
            declared.put(key, declaration);
        }
    }

    /** The route of faults on {@code service} in {@code environment}. */
    public Route routeOf(Environment environment, String service) {
        return new Route(service, declared.get(key(environment, service)), settings::proxyFor, settings::httpProxyFor,
                other -> declared.containsKey(key(environment, other)) ? Optional.of(routeOf(environment, other))
                        : Optional.empty());
    }

    /** The base URLs of every agent a declared service's host names. */
    public Set<String> agentUrls() {
        return declared.values().stream().flatMap(d -> d.getHosts().stream()).map(TargetHost::getAgentUrl)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(Environment environment, String service) {
        return environment + "/" + service;
    }
}
