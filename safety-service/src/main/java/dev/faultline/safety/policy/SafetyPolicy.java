package dev.faultline.safety.policy;

import dev.faultline.schemas.avro.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configured envelope: each environment's policy and, optionally, a list narrowing who may approve. An
 * approver's authority is the role {@code approver:<environment>} of their token, checked when the approval is
 * recorded; with no list configured that role is the whole rule.
 */
public record SafetyPolicy(Map<Environment, EnvironmentPolicy> environments, Set<String> approvers) {

    /** Who may approve when no list narrows it, for messages. */
    static final String ROLE_HOLDERS = "the holders of approver:<environment>";

    public SafetyPolicy {
        environments = Map.copyOf(environments);
        approvers = Set.copyOf(approvers);
    }

    public Optional<EnvironmentPolicy> policyFor(Environment environment) {
        return Optional.ofNullable(environments.get(environment));
    }

    public boolean isApprover(String person) {
        return approvers.isEmpty() || approvers.contains(person);
    }

    /** The approvers in a stable order, for messages; with no list, the role holders. */
    public List<String> approverList() {
        return approvers.isEmpty() ? List.of(ROLE_HOLDERS) : approvers.stream().sorted().toList();
    }
}
