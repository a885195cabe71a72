package dev.faultline.injector.run;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code GET /injections}: the injections running in this process, with their phase and the samples taken so far. */
@Controller("/injections")
public class InjectionsController {

    private final ActiveRuns runs;

    public InjectionsController(ActiveRuns runs) {
        this.runs = runs;
    }

    @Get
    public List<ActiveInjection> list() {
        return runs.list().stream().map(ActiveInjection::of)
                .sorted(Comparator.comparing(ActiveInjection::experimentId)).toList();
    }

    /** One active injection as shown over HTTP. */
    @Serdeable
    public record ActiveInjection(String experimentId, String injectionId, int revision, String faultType, String where,
                                  String phase, long samples, Instant startedAt, Instant deadline) {

        static ActiveInjection of(InjectionRun run) {
            RunRequest r = run.request();
            return new ActiveInjection(r.experimentId(), r.injectionId().toString(), r.revision(),
                    r.hypothesis().getScenario().getFaultType().name(), r.fault().where(), run.phase().name(), run.samples(),
                    run.startedAt(), run.deadline());
        }
    }
}
