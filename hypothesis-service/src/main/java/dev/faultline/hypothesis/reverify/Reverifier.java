package dev.faultline.hypothesis.reverify;

import dev.faultline.hypothesis.experiment.Experiment;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ProposalReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the known-behaviour catalog fresh: an entry the catalog marks stale (catalog-service decides, by age or by a
 * deployment since the last test, and says why in {@code staleReason}) is proposed for a re-run of the experiment
 * that established it (its newest contributing experiment this service drafted), with reason STALE_KNOWLEDGE, through
 * the normal review and approval. At most once per entry, last test and reason: the proposal's experiment id is
 * derived from them, so a restart, a second instance or a second look finds it already proposed (the proposals topic
 * is where that is known); a new reason (another deployment) or a new test starts afresh.
 */
public final class Reverifier {

    private static final Logger LOG = LoggerFactory.getLogger(Reverifier.class);

    /** Where one catalog entry stands: FRESH, DUE (stale, not proposed), PROPOSED, or NO_SOURCE (nothing to re-run). */
    public record Entry(String behaviourKey, String service, String faultType, Instant lastTestedAt, String staleReason,
                        String state, String experimentId, String rerunOf) {
    }

    private final KnownBehaviours catalog;
    private final Experiments experiments;
    private final ProposalEvents events;
    private final String serviceName;
    private final DailySlot window;

    /** @param window the daily window re-runs are proposed for, or null: once approved */
    public Reverifier(KnownBehaviours catalog, Experiments experiments, ProposalEvents events, String serviceName,
                      DailySlot window) {
        this.catalog = catalog;
        this.experiments = experiments;
        this.events = events;
        this.serviceName = serviceName;
        this.window = window;
    }

    /** Every catalog entry with why it is stale and whether its re-run is proposed, the least recently tested first. */
    public List<Entry> entries() {
        return catalog.all().stream().map(this::entry).sorted(Comparator.comparing(Entry::lastTestedAt)).toList();
    }

    /** Proposes the re-run of every stale entry not proposed yet in its period; returns the proposals made. */
    public synchronized List<Proposal> proposeDue(Instant now) {
        List<Proposal> made = new ArrayList<>();
        for (KnownBehaviourUpdated e : catalog.all()) {
            Entry entry = entry(e);
            if (!"DUE".equals(entry.state())) {
                continue;
            }
            Proposal proposal = proposal(e, entry, source(e).orElseThrow(), now);
            events.proposedByService(proposal);
            experiments.proposed(proposal.experimentId(), serviceName);
            made.add(proposal);
            LOG.info("{} is stale ({}): proposed {} to re-run {}", e.getBehaviourKey(), e.getStaleReason(),
                    proposal.experimentId(), entry.rerunOf());
        }
        return made;
    }

    private Entry entry(KnownBehaviourUpdated e) {
        Optional<HypothesisDrafted> drafted = source(e);
        Optional<Hypothesis> source = drafted.map(HypothesisDrafted::getHypothesis);
        String rerunOf = drafted.map(d -> d.getHeader().getExperimentId()).orElse(null);
        if (!e.getStale()) {
            return new Entry(e.getBehaviourKey(), e.getService(), e.getFaultType().name(), e.getLastTestedAt(), null,
                    "FRESH", null, rerunOf);
        }
        String id = experimentId(e);
        String state = experiments.known(id) ? "PROPOSED" : source.isEmpty() ? "NO_SOURCE" : "DUE";
        return new Entry(e.getBehaviourKey(), e.getService(), e.getFaultType().name(), e.getLastTestedAt(),
                e.getStaleReason(), state, id, rerunOf);
    }

    /** The newest contributing experiment this service drafted: its latest revision. */
    private Optional<HypothesisDrafted> source(KnownBehaviourUpdated e) {
        List<String> ids = e.getExperimentIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<HypothesisDrafted> draft = experiments.find(ids.get(i)).flatMap(Experiment::latest);
            if (draft.isPresent()) {
                return draft;
            }
        }
        return Optional.empty();
    }

    private Proposal proposal(KnownBehaviourUpdated e, Entry entry, HypothesisDrafted source, Instant now) {
        Hypothesis h = source.getHypothesis();
        DailySlot.Occurrence slot = window == null ? null : window.next(now);
        return new Proposal(entry.experimentId(), h.getService(), h.getScenario().getFaultType(),
                h.getScenario().getTarget().getDependency(), h.getBlastRadius().getEnvironment(), serviceName,
                ProposalReason.STALE_KNOWLEDGE, "re-verify the catalog entry " + e.getBehaviourKey() + ", stale: "
                + e.getStaleReason() + "; by re-running " + entry.rerunOf(), h.getScenario().getDurationMillis(),
                Map.of(Proposal.TRAFFIC_SHARE_LABEL, Double.toString(h.getBlastRadius().getTrafficShare())), null,
                slot == null ? null : slot.start(), slot == null ? null : slot.end());
    }

    /** {@code reverify-} and a digest of the entry, when it was last tested and why it is stale. */
    private String experimentId(KnownBehaviourUpdated e) {
        String seed = e.getBehaviourKey() + "|" + e.getLastTestedAt().toEpochMilli() + "|" + e.getStaleReason();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "reverify-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("SHA-256 is always available", e2);
        }
    }
}
