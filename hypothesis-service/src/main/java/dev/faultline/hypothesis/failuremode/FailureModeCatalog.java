package dev.faultline.hypothesis.failuremode;

import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The failure-mode templates by fault type and service type: the built-in ones (YAML resources under
 * {@code failure-modes/}, one file per service type) and those teams add on faultline.failure-modes, which win over
 * a built-in template of the same id, or of the same fault and service type. A withdrawn added template is gone; a
 * built-in one it replaced is back.
 */
public final class FailureModeCatalog {

    /** The built-in templates, one file per service type. */
    static final List<String> BUILT_IN = List.of("failure-modes/http-storefront.yaml", "failure-modes/http-api.yaml");

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
        for (String resource : BUILT_IN) {
            try (InputStream in = FailureModeCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in failure modes " + resource + " are not on the classpath");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                FailureModesFile.read(text, resource, "faultline", null, Clock.systemUTC())
                        .forEach(d -> all.add(new FailureModeTemplate(d, TemplateOrigin.builtIn(resource))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Invalid invalid) {
                throw new IllegalStateException("built-in failure modes " + resource + " are invalid: "
                        + invalid.problems(), invalid);
            }
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
