package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.FaultType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The failure-mode templates by fault type and service type. A new failure mode is one {@link FailureModeTemplate}
 * added to the list given here.
 */
public final class FailureModeCatalog {

    private final List<FailureModeTemplate> templates;

    public FailureModeCatalog(List<FailureModeTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The built-in catalog: {@code http-storefront} and generic {@code http-api} templates. */
    public static FailureModeCatalog builtIn() {
        List<FailureModeTemplate> all = new ArrayList<>(StorefrontTemplates.all());
        all.addAll(HttpApiTemplates.all());
        return new FailureModeCatalog(all);
    }

    public Optional<FailureModeTemplate> find(FaultType faultType, String serviceType) {
        return templates.stream().filter(t -> t.faultType() == faultType && t.serviceType().equals(serviceType))
                .findFirst();
    }

    /** The fault types some template supports for {@code serviceType}. */
    public Set<String> faultTypesFor(String serviceType) {
        Set<String> types = new TreeSet<>();
        templates.stream().filter(t -> t.serviceType().equals(serviceType)).forEach(t -> types.add(t.faultType().name()));
        return types;
    }

    public List<TemplateInfo> describe() {
        return templates.stream().map(FailureModeTemplate::info).toList();
    }
}
