package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which failure modes each declared service should have been tested under — the rule behind the catalog's gaps.
 * A service declared as a target (in any environment, not removed) is expected to be tested under every fault type
 * of a failure-mode template for its service type: the built-in templates and those teams added on
 * faultline.failure-modes (not withdrawn); a template put on a dependency link applies only to a service that
 * declares a dependency, one put on a host only to a service that declares a host. Pure.
 */
public final class Expectations {

    /** One service expected to be tested under one fault type, with what a proposal needs to know. */
    public record Expected(String service, String serviceType, FaultType faultType, List<String> environments,
                           List<String> dependencies) {
    }

    private Expectations() {
    }

    /** What {@code targets} should be tested under, given every template (built-in and added), by service then type. */
    public static List<Expected> of(Collection<TargetDeclared> targets, Collection<FailureModeDeclared> templates) {
        Map<String, List<TargetDeclared>> byService = new TreeMap<>();
        targets.stream().filter(t -> !t.getRemoved())
                .forEach(t -> byService.computeIfAbsent(t.getService(), s -> new ArrayList<>()).add(t));
        List<Expected> expected = new ArrayList<>();
        byService.forEach((service, declarations) -> {
            TreeSet<String> environments = new TreeSet<>();
            TreeSet<String> dependencies = new TreeSet<>();
            boolean hosts = false;
            for (TargetDeclared t : declarations) {
                environments.add(t.getEnvironment().name());
                t.getDependencies().stream().map(TargetDependency::getName).forEach(dependencies::add);
                hosts |= !t.getHosts().isEmpty();
            }
            String serviceType = declarations.get(0).getServiceType();
            boolean hasHosts = hosts;
            templates.stream()
                    .filter(m -> !m.getRemoved() && m.getServiceType().equals(serviceType))
                    .filter(m -> m.getTargetKind() != TargetKind.DEPENDENCY_LINK || !dependencies.isEmpty())
                    .filter(m -> m.getTargetKind() != TargetKind.HOST || hasHosts)
                    .map(FailureModeDeclared::getFaultType)
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                    .forEach(type -> expected.add(new Expected(service, serviceType, type, List.copyOf(environments),
                            List.copyOf(dependencies))));
        });
        return expected;
    }
}
