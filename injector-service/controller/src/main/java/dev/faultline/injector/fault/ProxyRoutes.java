package dev.faultline.injector.fault;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The data-plane proxies between a service and its dependencies: as declared on faultline.targets (a dependency's
 * {@code proxy} and {@code httpProxy}, per environment and service), else as configured under
 * {@code faultline.injector.proxies} and {@code faultline.injector.http-proxies} (by dependency name alone).
 */
@Singleton
public class ProxyRoutes {

    private final InjectorSettings settings;
    private final Map<String, TargetDeclared> declared = new ConcurrentHashMap<>();

    public ProxyRoutes(InjectorSettings settings) {
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

    /** The mapper of faults of {@code service} in {@code environment} onto its proxies. */
    public FaultMapper mapperFor(Environment environment, String service) {
        return new FaultMapper(dependency -> l4(environment, service, dependency),
                dependency -> http(environment, service, dependency));
    }

    /** The L4 proxy from {@code service} to {@code dependency} in {@code environment}. */
    public Optional<String> l4(Environment environment, String service, String dependency) {
        return route(environment, service, dependency, TargetDependency::getProxy)
                .or(() -> settings.proxyFor(dependency));
    }

    /** The L7 proxy from {@code service} to {@code dependency} in {@code environment}. */
    public Optional<String> http(Environment environment, String service, String dependency) {
        return route(environment, service, dependency, TargetDependency::getHttpProxy)
                .or(() -> settings.httpProxyFor(dependency));
    }

    /** An L4 proxy to {@code dependency} from any declared service (a dry run names only the dependency). */
    public Optional<String> l4Anywhere(String dependency) {
        return declared.values().stream().flatMap(d -> d.getDependencies().stream())
                .filter(d -> d.getName().equals(dependency)).map(TargetDependency::getProxy).filter(Objects::nonNull)
                .findFirst().or(() -> settings.proxyFor(dependency));
    }

    private Optional<String> route(Environment environment, String service, String dependency,
                                   Function<TargetDependency, String> proxy) {
        TargetDeclared target = declared.get(key(environment, service));
        if (target == null || dependency == null) {
            return Optional.empty();
        }
        return target.getDependencies().stream().filter(d -> d.getName().equals(dependency)).map(proxy)
                .filter(Objects::nonNull).findFirst();
    }

    private static String key(Environment environment, String service) {
        return environment + "/" + service;
    }
}
