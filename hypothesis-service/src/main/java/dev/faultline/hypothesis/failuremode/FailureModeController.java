package dev.faultline.hypothesis.failuremode;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.hypothesis.declared.AdminRequests;
import dev.faultline.kit.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /failure-modes}: the template catalog (any signed-in caller). The admin API of templates (role
 * {@code admin}, the token's subject as the actor): {@code POST /failure-modes?source=FILE[&incident=ID]} adds the
 * templates of a failure-modes file (the body: its text, {@code application/yaml} or {@code text/plain}),
 * {@code DELETE /failure-modes/{id}} withdraws an added one; see {@link FailureModeDeclarations}.
 */
@Controller("/failure-modes")
public class FailureModeController {

    private final FailureModeCatalog catalog;
    private final FailureModeDeclarations declarations;

    public FailureModeController(FailureModeCatalog catalog, FailureModeDeclarations declarations) {
        this.catalog = catalog;
        this.declarations = declarations;
    }

    /** The answer to an added file. */
    @Serdeable
    public record Added(String source, List<String> added) {
    }

    /** The answer to a withdrawal. */
    @Serdeable
    public record Withdrawn(String withdrawn) {
    }

    @Get
    public List<TemplateInfo> list() {
        return catalog.describe();
    }

    @Post(consumes = {AdminRequests.YAML, MediaType.TEXT_PLAIN})
    public Added add(@Nullable @Body String file, @Nullable @QueryValue String source,
                     @Nullable @QueryValue String incident, @Nullable @QueryValue String by, Authentication caller) {
        AdminRequests.requireAdmin(caller, "adding failure modes", by);
        String name = AdminRequests.source(source);
        try {
            return new Added(name, declarations.add(file == null ? "" : file, name, caller.getName(),
                    incident == null || incident.isBlank() ? null : incident.strip()));
        } catch (Invalid invalid) {
            throw AdminRequests.refused(name, invalid);
        }
    }

    @Delete("/{id}")
    public Withdrawn withdraw(@PathVariable String id, @Nullable @QueryValue String by, Authentication caller) {
        AdminRequests.requireAdmin(caller, "withdrawing failure modes", by);
        if (!declarations.withdraw(id, caller.getName())) {
            throw ApiException.notFound("no added template '" + id + "' (only added templates can be withdrawn; "
                    + "GET /failure-modes lists each template's origin); nothing published");
        }
        return new Withdrawn(id);
    }
}
