package dev.faultline.hypothesis.target;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.hypothesis.declared.AdminRequests;
import dev.faultline.schemas.avro.TargetDeclared;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The admin API of targets: {@code POST /targets?source=FILE} (role {@code admin}; the body is the targets file's
 * text, {@code application/yaml} or {@code text/plain}) applies it as {@link TargetDeclarations} does, with the
 * token's subject as the actor; {@code GET /targets} lists what is declared now (any signed-in caller).
 */
@Controller("/targets")
public class TargetController {

    private final TargetDeclarations declarations;

    public TargetController(TargetDeclarations declarations) {
        this.declarations = declarations;
    }

    /** The answer to an applied file. */
    @Serdeable
    public record Applied(String source, List<String> declared, List<String> removed) {
    }

    /** One declared target, as listed. */
    @Serdeable
    public record Declared(String environment, String service, String serviceType, String baseUrl,
                           List<String> owners, String source, String declaredBy, Instant declaredAt) {
    }

    @Post(consumes = {AdminRequests.YAML, MediaType.TEXT_PLAIN})
    public Applied apply(@Nullable @Body String file, @Nullable @QueryValue String source,
                         @Nullable @QueryValue String by, Authentication caller) {
        AdminRequests.requireAdmin(caller, "applying targets", by);
        String name = AdminRequests.source(source);
        try {
            TargetDeclarations.Applied applied = declarations.apply(file == null ? "" : file, name, caller.getName());
            return new Applied(name, applied.declared(), applied.removed());
        } catch (Invalid invalid) {
            throw AdminRequests.refused(name, invalid);
        }
    }

    @Get
    public List<Declared> list() {
        return declarations.current().stream().map(TargetController::declared).toList();
    }

    private static Declared declared(TargetDeclared d) {
        return new Declared(d.getEnvironment().name(), d.getService(), d.getServiceType(), d.getBaseUrl(), d.getOwners(),
                d.getSource(), d.getHeader().getActor().getId(), d.getHeader().getOccurredAt());
    }
}
