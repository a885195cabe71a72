package dev.faultline.safety.policy;

import dev.faultline.schemas.avro.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The whole configured envelope: each environment's policy and the people authorized to approve experiments. */
public record SafetyPolicy(Map<Environment, EnvironmentPolicy> environments, Set<String> approvers) {

    public SafetyPolicy {
        environments = Map.copyOf(environments);
        approvers = Set.copyOf(approvers);
    }

    public Optional<EnvironmentPolicy> policyFor(Environment environment) {
        return Optional.ofNullable(environments.get(environment));
    }

    public boolean isApprover(String person) {
        return approvers.contains(person);
    }

    /** The approvers in a stable order, for messages. */
    public List<String> approverList() {
        return approvers.stream().sorted().toList();
    }
}
