package dev.faultline.hypothesis.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;

/** {@code GET /suggestions[?service=S]}: the experiments incidents suggest, the latest incident first. */
@Controller("/suggestions")
public class SuggestionController {

    private final Incidents incidents;

    public SuggestionController(Incidents incidents) {
        this.incidents = incidents;
    }

    @Get
    public List<Suggestion> suggestions(@QueryValue @Nullable String service) {
        return incidents.suggestions(service == null || service.isBlank() ? null : service);
    }
}
