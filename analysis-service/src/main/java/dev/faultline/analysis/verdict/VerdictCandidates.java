package dev.faultline.analysis.verdict;

import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.VerdictRecords.Claim;
import dev.faultline.schemas.avro.InjectionStopped;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which of many injections {@link VerdictIssuer#tryIssue} may act on: those with a verdict claimed but not yet
 * published, and those with no verdict yet whose stop is recorded and — when the stop counts its batches — whose last
 * announced batch ({@code evidenceBatches - 1}) is recorded, which every complete injection has (the injector sends
 * its batches in sequence order on one partition, so the last one is normally the last to arrive). tryIssue reads an
 * injection's records one query after another; here each round of reads is sent for all the injections at once (the
 * driver's asynchronous API), so a poll concerning many running injections costs two round trips, not two per
 * injection, and an injection still waiting for batches costs a one-row lookup, not a read of all its sequences.
 * The answer may include injections that are not ready yet; tryIssue decides on what it reads itself.
 */
final class VerdictCandidates {

    private VerdictCandidates() {
    }

    static List<InjectionRef> among(Collection<InjectionRef> injections, EvidenceRecords records,
                                    VerdictRecords verdicts) {
        Map<InjectionRef, CompletableFuture<Claim>> claims = new LinkedHashMap<>();
        Map<InjectionRef, CompletableFuture<Optional<InjectionStopped>>> stops = new LinkedHashMap<>();
        for (InjectionRef i : injections) {
            claims.put(i, verdicts.claimOf(i.experimentId(), i.injectionId()).toCompletableFuture());
            stops.put(i, records.stoppedAsync(i.experimentId(), i.injectionId()).toCompletableFuture());
        }
        Set<InjectionRef> candidates = new HashSet<>();
        Map<InjectionRef, CompletableFuture<Boolean>> lastBatch = new LinkedHashMap<>();
        for (InjectionRef i : injections) {
            Claim claim = claims.get(i).join();
            Optional<InjectionStopped> stop = claim == Claim.NONE ? stops.get(i).join() : Optional.empty();
            Long announced = stop.map(InjectionStopped::getEvidenceBatches).orElse(null);
            if (claim == Claim.UNPUBLISHED || stop.isPresent() && (announced == null || announced <= 0)) {
                candidates.add(i);
            } else if (stop.isPresent()) {
                lastBatch.put(i, records.hasBatch(i.experimentId(), i.injectionId(), announced - 1).toCompletableFuture());
            }
        }
        lastBatch.forEach((i, present) -> {
            if (present.join()) {
                candidates.add(i);
            }
        });
        return injections.stream().filter(candidates::contains).toList();
    }
}
