package dev.faultline.hypothesis.failuremode;

import dev.faultline.declarations.failuremode.BuiltInFailureModes;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failure-mode templates by fault type and service type: the built-in ones ({@link BuiltInFailureModes}, shared
 * with catalog-service) and those teams add on faultline.failure-modes, which win over
 * a built-in template of the same id, or of the same fault and service type. A withdrawn added template is gone; a
 * built-in one it replaced is back.
 */
public final class FailureModeCatalog {

    private final Map<String, FailureModeTemplate> builtIn;
    private final Map<String, FailureModeTemplate> added = new ConcurrentHashMap<>();

    public FailureModeCatalog(List<FailureModeTemplate> builtIn) {
        Map<String, FailureModeTemplate> byId = new LinkedHashMap<>();
        builtIn.forEach(t -> byId.put(t.id(), t));
        this.builtIn = Collections.unmodifiableMap(byId);
    }

    /** The built-in catalog: {@code http-storefront} and generic {@code http-api} templates. */
    public static FailureModeCatalog builtIn() {
        List<FailureModeTemplate> all = new ArrayList<>();
        for (String resource : BuiltInFailureModes.RESOURCES) {
            BuiltInFailureModes.read(resource, Clock.systemUTC())
                    .forEach(d -> all.add(new FailureModeTemplate(d, TemplateOrigin.builtIn(resource))));
        }
        return new FailureModeCatalog(all);
    }

    /** Applies one declaration from faultline.failure-modes (the latest per template id wins). */
    public void declare(FailureModeDeclared declaration) {
        if (declaration.getRemoved()) {
            added.remove(declaration.getTemplateId());
            return;
        }
        TemplateOrigin origin = new TemplateOrigin(TemplateOrigin.ADDED, declaration.getSource(),
                declaration.getHeader().getActor().getId(), declaration.getHeader().getOccurredAt(),
                declaration.getIncidentId());
        added.put(declaration.getTemplateId(), new FailureModeTemplate(declaration, origin));
    }

    /** The template for {@code faultType} on {@code serviceType}: the latest added one, else the built-in one. */
    public Optional<FailureModeTemplate> find(FaultType faultType, String serviceType) {
        return all().stream().filter(t -> t.faultType() == faultType && t.serviceType().equals(serviceType))
                .findFirst();
    }

    /** The fault types some template supports for {@code serviceType}. */
    public Set<String> faultTypesFor(String serviceType) {
        Set<String> types = new TreeSet<>();
        all().stream().filter(t -> t.serviceType().equals(serviceType)).forEach(t -> types.add(t.faultType().name()));
        return types;
    }

    public List<TemplateInfo> describe() {
        return all().stream().map(FailureModeTemplate::info).toList();
    }

    /** Added templates first (latest first), then the built-in ones an added one does not replace. */
    private List<FailureModeTemplate> all() {
        List<FailureModeTemplate> all = new ArrayList<>(added.values());
        all.sort(Comparator.comparing((FailureModeTemplate t) -> t.origin().addedAt()).reversed());
        builtIn.values().stream().filter(t -> !added.containsKey(t.id())).forEach(all::add);
        return all;
    }
}
