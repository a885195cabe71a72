package dev.faultline.hypothesis.failuremode;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;

/** {@code GET /failure-modes}: the template catalog. */
@Controller("/failure-modes")
public class FailureModeController {

    private final FailureModeCatalog catalog;

    public FailureModeController(FailureModeCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    public List<TemplateInfo> list() {
        return catalog.describe();
    }
}
