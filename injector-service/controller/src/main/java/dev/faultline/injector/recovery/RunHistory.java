package dev.faultline.injector.recovery;

import dev.faultline.injector.run.RunRequest;
import dev.faultline.injector.run.RunStore;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightPassed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the safety and injections topics say the injector has done, to restore its {@link RunStore} into a keyspace
 * this start created. A clearance ran when its injection (named by the clearance, {@link RunRequest#injectionIdOf})
 * has any event (a refusal included): it is claimed again, so a redelivered PreflightPassed still runs nothing. An injection started and
 * never stopped is recorded active again, so that {@link LeftoverRecovery} removes its fault and reports it LOST.
 * The one thing the topics cannot tell is a fault applied in the instant before its InjectionStarted was published;
 * the fault's lease (3 s) removes that one on the data plane.
 */
public final class RunHistory {

    private final Map<UUID, PreflightPassed> clearances = new HashMap<>();
    private final Map<UUID, InjectionStarted> started = new HashMap<>();
    private final Set<UUID> stopped = new HashSet<>();

    /** Notes one event of the safety or injections topic; others are ignored. */
    public void add(SpecificRecord event) {
        if (event instanceof PreflightPassed p) {
            clearances.put(p.getClearance().getClearanceId(), p);
        } else if (event instanceof InjectionStarted s) {
            started.put(s.getInjectionId(), s);
        } else if (event instanceof InjectionStopped s) {
            stopped.add(s.getInjectionId());
        } else if (event instanceof InjectionRefused r) {
            stopped.add(r.getInjectionId()); // claimed like a run that ended: a redelivery is refused no more
        }
    }

    /** Writes the claims and the open injections into {@code store}; returns how many clearances had run. */
    public int restoreInto(RunStore store) {
        int ran = 0;
        for (PreflightPassed passed : clearances.values()) {
            UUID clearanceId = passed.getClearance().getClearanceId();
            UUID injectionId = RunRequest.injectionIdOf(clearanceId);
            if (started.containsKey(injectionId) || stopped.contains(injectionId)) {
                store.claim(clearanceId, injectionId, passed.getHeader().getExperimentId());
                ran++;
            }
        }
        for (InjectionStarted s : started.values()) {
            String experimentId = s.getHeader().getExperimentId();
            if (!clearances.containsKey(s.getClearanceId())) {
                store.claim(s.getClearanceId(), s.getInjectionId(), experimentId);
                ran++;
            }
            if (!stopped.contains(s.getInjectionId())) {
                PreflightPassed cause = clearances.get(s.getClearanceId());
                store.restoreActive(RunStore.ActiveRecord.of(s.getInjectionId(), experimentId,
                        RunRequest.holderOf(s.getInjectionId()), s.getHeader().getOccurredAt(),
                        cause == null ? s.getHeader() : cause.getHeader()));
            }
        }
        return ran;
    }
}
