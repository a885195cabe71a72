package dev.faultline.injector.run;

import com.datastax.oss.driver.api.core.DriverException;
import dev.faultline.kit.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /injections}: the injections running in this process, with their phase and the samples taken so far.
 * {@code GET /injections?scope=all}: every active injection of every instance sharing this one's store, each with the
 * instance running it and that instance's last heartbeat — so whichever instance a load balancer picks can say where a
 * run is (and the detail of those it runs itself).
 */
@Controller("/injections")
@ExecuteOn(TaskExecutors.BLOCKING) // scope=all reads the store
public class InjectionsController {

    private final ActiveRuns runs;
    private final RunStore store;

    public InjectionsController(ActiveRuns runs, RunStore store) {
        this.runs = runs;
        this.store = store;
    }

    @Get
    public List<?> list(@QueryValue @Nullable String scope) {
        if (scope == null || scope.equals("instance")) {
            return here().values().stream().sorted(Comparator.comparing(ActiveInjection::experimentId)).toList();
        }
        if (scope.equals("all")) {
            return all();
        }
        throw ApiException.badRequest("scope '" + scope + "' is not one of [instance, all]: instance (the default) lists "
                + "the injections this instance runs, all those of every instance sharing its store");
    }

    private Map<UUID, ActiveInjection> here() {
        Map<UUID, ActiveInjection> here = new LinkedHashMap<>();
        for (InjectionRun run : runs.list()) {
            here.put(run.request().injectionId(), ActiveInjection.of(run));
        }
        return here;
    }

    private List<ClusterInjection> all() {
        Map<UUID, ActiveInjection> here = here();
        List<RunStore.Owned> active;
        Map<String, Instant> beats;
        try {
            active = store.active();
            beats = store.beats();
        } catch (DriverException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the injectors' store (Cassandra) did not answer ("
                    + e.getMessage() + "); GET /injections still lists this instance's own runs");
        }
        Map<UUID, ClusterInjection> all = new LinkedHashMap<>();
        for (RunStore.Owned owned : active) {
            RunStore.ActiveRecord r = owned.record();
            all.put(r.injectionId(), new ClusterInjection(r.experimentId(), r.injectionId().toString(), r.holder(),
                    r.startedAt(), owned.owner(), owned.owner() == null ? null : beats.get(owned.owner()),
                    here.get(r.injectionId())));
        }
        // a run of this instance whose row the store has not taken yet (or lost while it was out of reach)
        here.forEach((id, run) -> all.computeIfAbsent(id, missing -> new ClusterInjection(run.experimentId(),
                run.injectionId(), null, run.startedAt(), store.owner(), beats.get(store.owner()), run)));
        return all.values().stream().sorted(Comparator.comparing(ClusterInjection::experimentId)).toList();
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

    /**
     * An active injection of any instance: {@code instance} runs it ({@code null}: nobody — restored from the topics
     * after its instance died, and being closed), last heard from at {@code instanceBeatAt}; {@code here} is its detail
     * when the instance asked runs it.
     */
    @Serdeable
    public record ClusterInjection(String experimentId, String injectionId, @Nullable String holder, @Nullable Instant startedAt,
                                   @Nullable String instance, @Nullable Instant instanceBeatAt,
                                   @Nullable ActiveInjection here) {
    }
}
