package dev.faultline.hypothesis.reverify;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /reverifications} (any signed-in caller): every known-behaviour entry with why the catalog finds it
 * stale, if it does, and where its re-run stands (FRESH, DUE, PROPOSED with its experiment id, NO_SOURCE); {@code ?due=true} leaves out
 * the fresh ones.
 */
@Controller("/reverifications")
public class ReverifyController {

    /** One entry as the API shows it. */
    @Serdeable
    public record View(String behaviourKey, String service, String faultType, Instant lastTestedAt,
                       @Nullable String staleReason, String state, @Nullable String experimentId, @Nullable String rerunOf) {

        static View of(Reverifier.Entry e) {
            return new View(e.behaviourKey(), e.service(), e.faultType(), e.lastTestedAt(), e.staleReason(), e.state(),
                    e.experimentId(), e.rerunOf());
        }
    }

    private final Reverifier reverifier;

    public ReverifyController(Reverifier reverifier) {
        this.reverifier = reverifier;
    }

    @Get
    public List<View> entries(@QueryValue @Nullable Boolean due) {
        return reverifier.entries().stream().filter(e -> due == null || !due || !"FRESH".equals(e.state()))
                .map(View::of).toList();
    }
}
